import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller.js';
import { GetMdeFiguresHandler, GetProgrammeFiguresHandler, GetProjectFiguresHandler } from './figures.queries.js';
import { FiguresReader } from './figures.reader.js';

@Module({
  controllers: [FiguresController],
  providers: [FiguresReader, GetProgrammeFiguresHandler, GetProjectFiguresHandler, GetMdeFiguresHandler],
  exports: [FiguresReader],
})
export class FiguresModule {}
