import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { AccessDeniedError, requireAccess } from '../auth/access-denied.error.js';
import { FULL_ACCESS, reaches, type AccessScope } from '../shared/access-scope.js';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import { ReadConsistency } from '../projections/consistency.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { mdeScope } from './figure-keys.js';
import type { FigureValues } from './figure-keys.js';
import { activityFigures, programmeFigures, type ActivityFigures, type ProgrammeFigures } from './figures-shapes.js';
import { FiguresReader } from './figures.reader.js';
import { FiguresHistory, type FiguresScope, type HistoryPoint } from './history/figures-history.js';

interface Answered {
  readonly year: number;
  readonly position: string;
  /** Echoed when the figures are as they stood at a past time. */
  readonly asOf?: string;
}
export type ProgrammeFiguresAnswer = Answered & ProgrammeFigures;
export type MdeFiguresAnswer = ProgrammeFiguresAnswer & { readonly mde: string };
export type ProjectFiguresAnswer = Answered & {
  readonly projectId: string;
  readonly targets: Record<string, number>;
} & ActivityFigures;

/** What every figures query asks: a year, read-your-writes, a point in the past, and who asks. */
abstract class FiguresQuery<Answer> extends Query<Answer> {
  constructor(
    readonly year: number,
    readonly minPosition?: string,
    readonly point?: HistoryPoint,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}

export class GetProgrammeFigures extends FiguresQuery<ProgrammeFiguresAnswer> {}

export class GetMdeFigures extends FiguresQuery<MdeFiguresAnswer> {
  constructor(
    year: number,
    readonly mde: string,
    minPosition?: string,
    point?: HistoryPoint,
    access?: AccessScope,
  ) {
    super(year, minPosition, point, access);
  }
}

export class GetProjectFigures extends FiguresQuery<ProjectFiguresAnswer> {
  constructor(
    year: number,
    readonly projectId: string,
    minPosition?: string,
    point?: HistoryPoint,
    access?: AccessScope,
  ) {
    super(year, minPosition, point, access);
  }
}

/**
 * The counters of a scope and year: from the read model, or, for a point in
 * the past, from a replay of that year's journal up to the point.
 */
@Injectable()
export class FiguresAtPoint {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly reader: FiguresReader,
    private readonly history: FiguresHistory,
  ) {}

  async read(
    scope: FiguresScope,
    year: number,
    minPosition: string | undefined,
    point: HistoryPoint | undefined,
  ): Promise<{ values: FigureValues; answered: Answered }> {
    await this.consistency.reach(minPosition);
    if (point === undefined) {
      const values = this.reader.figures(this.history.scopeKey(scope), year);
      return { values, answered: { year, position: this.consistency.position() } };
    }
    if (point.atPosition !== undefined) await this.consistency.reach(point.atPosition.toString());
    const replay = this.history.replay(scope, year, point);
    const position = point.atPosition ?? replay.lastPosition ?? 0n;
    return {
      values: replay.model.figures(replay.scope, year),
      answered: { year, position: position.toString(), ...(point.asOf === undefined ? {} : { asOf: point.asOf }) },
    };
  }
}

@QueryHandler(GetProgrammeFigures)
export class GetProgrammeFiguresHandler implements IQueryHandler<GetProgrammeFigures> {
  constructor(private readonly figures: FiguresAtPoint) {}

  async execute({ year, minPosition, point, access }: GetProgrammeFigures): Promise<ProgrammeFiguresAnswer> {
    if (access.kind !== 'all') {
      throw new AccessDeniedError("The programme's figures cover every MDE; a partner token reads its MDEs' figures");
    }
    const { values, answered } = await this.figures.read({ kind: 'programme' }, year, minPosition, point);
    return { ...answered, ...programmeFigures(values) };
  }
}

@QueryHandler(GetMdeFigures)
export class GetMdeFiguresHandler implements IQueryHandler<GetMdeFigures> {
  constructor(
    private readonly figures: FiguresAtPoint,
    private readonly reader: FiguresReader,
  ) {}

  async execute({ year, mde, minPosition, point, access }: GetMdeFigures): Promise<MdeFiguresAnswer> {
    if (!reaches(access, [mde])) throw new AccessDeniedError(`The MDE ${mde} is outside this token's scope`);
    const { values, answered } = await this.figures.read({ kind: 'mde', mde }, year, minPosition, point);
    if (!this.reader.scopeExists(mdeScope(mde))) throw new NotFoundError(`No project names the MDE ${mde}`);
    return { ...answered, mde, ...programmeFigures(values) };
  }
}

@QueryHandler(GetProjectFigures)
export class GetProjectFiguresHandler implements IQueryHandler<GetProjectFigures> {
  constructor(
    private readonly figures: FiguresAtPoint,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async execute({ year, projectId, minPosition, point, access }: GetProjectFigures): Promise<ProjectFiguresAnswer> {
    const { values, answered } = await this.figures.read({ kind: 'project', projectId }, year, minPosition, point);
    const project = this.projects.find(projectId);
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist`);
    requireAccess(access, project.mdes, `Project ${projectId}`);
    return { ...answered, projectId, ...activityFigures(values), targets: { ...project.targets } };
  }
}
