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
import { PositionCache } from './position-cache.js';

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
 * A figures answer of a scope and year, once the gate let the request in: the
 * counters shaped by `shape`, from the read model, or, for a point in the past,
 * from a replay of that year's journal up to the point. The current answers
 * are kept until the read models move: the gate still runs on every request.
 */
@Injectable()
export class FiguresAtPoint {
  private readonly current = new PositionCache<object>();

  constructor(
    private readonly gate: FiguresGate,
    private readonly reader: FiguresReader,
    private readonly history: FiguresHistory,
    private readonly workers: ReadWorkers,
  ) {}

  async read<Shaped extends object>(
    request: FiguresRequest,
    shape: (values: FigureValues) => Shaped,
  ): Promise<Answered & Shaped> {
    const { scope, year, point } = request;
    if (point === undefined) {
      await this.gate.admit(request);
      const position = this.gate.position();
      const key = this.history.scopeKey(scope);
      const build = (): Answered & Shaped => ({ year, position, ...shape(this.reader.figures(key, year)) });
      // One key names one scope, hence one shape: the answer kept under it is the one `build` makes.
      return this.current.get(`${key} ${year}`, position, build) as Answered & Shaped;
    }
    const replay = await this.gate.replay(request, () =>
      this.workers.run(figuresAtPoint, { scope, year, point }, { history: this.history }),
    );
    const position = point.atPosition ?? replay.lastPosition ?? 0n;
    const answered = { year, position: position.toString(), ...(point.asOf === undefined ? {} : { asOf: point.asOf }) };
    return { ...answered, ...shape(replay.values) };
  }
}

@QueryHandler(GetProgrammeFigures)
export class GetProgrammeFiguresHandler implements IQueryHandler<GetProgrammeFigures> {
  constructor(private readonly figures: FiguresAtPoint) {}

  execute({ request }: GetProgrammeFigures): Promise<ProgrammeFiguresAnswer> {
    return this.figures.read(request, programmeFigures);
  }
}

@QueryHandler(GetMdeFigures)
export class GetMdeFiguresHandler implements IQueryHandler<GetMdeFigures> {
  constructor(private readonly figures: FiguresAtPoint) {}

  execute({ request }: GetMdeFigures): Promise<MdeFiguresAnswer> {
    return this.figures.read(request, (values) => ({ mde: request.scope.mde, ...programmeFigures(values) }));
  }
}

@QueryHandler(GetProjectFigures)
export class GetProjectFiguresHandler implements IQueryHandler<GetProjectFigures> {
  constructor(
    private readonly figures: FiguresAtPoint,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  execute({ request }: GetProjectFigures): Promise<ProjectFiguresAnswer> {
    const { projectId } = request.scope;
    return this.figures.read(request, (values) => ({
      projectId,
      ...activityFigures(values),
      targets: { ...(this.projects.find(projectId)?.targets ?? {}) },
    }));
  }
}
