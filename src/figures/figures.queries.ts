import { Injectable } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import type { FigureValues } from './figure-keys.js';
import { FiguresGate, type FiguresRequest } from './figures-gate.js';
import { activityFigures, programmeFigures } from './figures-shapes.js';
import { FiguresReader } from './figures.reader.js';
import {
  GetMdeFigures,
  GetProgrammeFigures,
  GetProjectFigures,
  type Answered,
  type MdeFiguresAnswer,
  type ProgrammeFiguresAnswer,
  type ProjectFiguresAnswer,
} from './figures.messages.js';
import { FiguresHistory, type FiguresScope, type HistoryPoint } from './history/figures-history.js';
import { ReadWorkers, type ReadJob } from '../projections/read-workers.js';

/** The counters of a scope and year at a point in the past, replayed from the journal. */
export const figuresAtPoint: ReadJob<
  { readonly history: FiguresHistory },
  { readonly scope: FiguresScope; readonly year: number; readonly point: HistoryPoint },
  { readonly values: FigureValues; readonly lastPosition: bigint | null }
> = {
  name: 'figures-at-point',
  run: ({ history }, { scope, year, point }) => {
    const replay = history.replay(scope, year, point);
    return { values: replay.model.figures(replay.scope, year), lastPosition: replay.lastPosition };
  },
};

/**
 * The counters of a scope and year, once the gate let the request in: from the
 * read model, or, for a point in the past, from a replay of that year's journal
 * up to the point.
 */
@Injectable()
export class FiguresAtPoint {
  constructor(
    private readonly gate: FiguresGate,
    private readonly reader: FiguresReader,
    private readonly history: FiguresHistory,
    private readonly workers: ReadWorkers,
  ) {}

  async read(request: FiguresRequest): Promise<{ values: FigureValues; answered: Answered }> {
    const { scope, year, point } = request;
    if (point === undefined) {
      await this.gate.admit(request);
      const values = this.reader.figures(this.history.scopeKey(scope), year);
      return { values, answered: { year, position: this.gate.position() } };
    }
    const replay = await this.gate.replay(request, () =>
      this.workers.run(figuresAtPoint, { scope, year, point }, { history: this.history }),
    );
    const position = point.atPosition ?? replay.lastPosition ?? 0n;
    return {
      values: replay.values,
      answered: { year, position: position.toString(), ...(point.asOf === undefined ? {} : { asOf: point.asOf }) },
    };
  }
}

@QueryHandler(GetProgrammeFigures)
export class GetProgrammeFiguresHandler implements IQueryHandler<GetProgrammeFigures> {
  constructor(private readonly figures: FiguresAtPoint) {}

  async execute({ request }: GetProgrammeFigures): Promise<ProgrammeFiguresAnswer> {
    const { values, answered } = await this.figures.read(request);
    return { ...answered, ...programmeFigures(values) };
  }
}

@QueryHandler(GetMdeFigures)
export class GetMdeFiguresHandler implements IQueryHandler<GetMdeFigures> {
  constructor(private readonly figures: FiguresAtPoint) {}

  async execute({ request }: GetMdeFigures): Promise<MdeFiguresAnswer> {
    const { values, answered } = await this.figures.read(request);
    return { ...answered, mde: request.scope.mde, ...programmeFigures(values) };
  }
}

@QueryHandler(GetProjectFigures)
export class GetProjectFiguresHandler implements IQueryHandler<GetProjectFigures> {
  constructor(
    private readonly figures: FiguresAtPoint,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async execute({ request }: GetProjectFigures): Promise<ProjectFiguresAnswer> {
    const { values, answered } = await this.figures.read(request);
    const { projectId } = request.scope;
    const targets = this.projects.find(projectId)?.targets ?? {};
    return { ...answered, projectId, ...activityFigures(values), targets: { ...targets } };
  }
}
