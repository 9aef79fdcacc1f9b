import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller.js';
import {
  FiguresAtPoint,
  GetMdeFiguresHandler,
  GetProgrammeFiguresHandler,
  GetProjectFiguresHandler,
} from './figures.queries.js';
import { YearCorrections } from './corrections/corrections.js';
import { FiguresHistory } from './history/figures-history.js';
import { FigureProvenance } from './provenance/figure-provenance.js';
import { FiguresReader } from './figures.reader.js';
import { FiguresGate } from './figures-gate.js';

@Module({
  controllers: [FiguresController],
  providers: [
    FiguresReader,
    FiguresGate,
    FiguresHistory,
    FiguresAtPoint,
    FigureProvenance,
    YearCorrections,
    GetProgrammeFiguresHandler,
    GetProjectFiguresHandler,
    GetMdeFiguresHandler,
  ],
  exports: [FiguresReader, FiguresHistory, FiguresAtPoint],
})
export class FiguresModule {}
