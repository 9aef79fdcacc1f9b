import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module.js';
import { Publications } from './publications.js';
import { PublishReportHandler } from './publication.handlers.js';
import { RenderedReports } from './rendered-reports.js';
import { ReportBuilder } from './report-builder.js';
import { ReportRenderer } from './report-renderer.js';
import { PdfRenderer } from './renderers/pdf.renderer.js';
import { ReportsController } from './reports.controller.js';

@Module({
  imports: [FiguresModule],
  controllers: [ReportsController],
  providers: [ReportBuilder, ReportRenderer, RenderedReports, PdfRenderer, Publications, PublishReportHandler],
  exports: [ReportBuilder, ReportRenderer],
})
export class ReportsModule {}
