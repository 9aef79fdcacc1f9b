import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, requireAccess } from '../auth/access-denied.error.js';
import { FULL_ACCESS, reaches, type AccessScope } from '../auth/principal.js';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import { ReadConsistency } from '../projections/consistency.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { PROGRAMME, mdeScope, projectScope } from './figure-keys.js';
import { activityFigures, programmeFigures, type ActivityFigures, type ProgrammeFigures } from './figures-shapes.js';
import { FiguresReader } from './figures.reader.js';

export type ProgrammeFiguresAnswer = { readonly year: number; readonly position: string } & ProgrammeFigures;
export type MdeFiguresAnswer = ProgrammeFiguresAnswer & { readonly mde: string };
export type ProjectFiguresAnswer = {
  readonly year: number;
  readonly projectId: string;
  readonly position: string;
  readonly targets: Record<string, number>;
} & ActivityFigures;

export class GetProgrammeFigures extends Query<ProgrammeFiguresAnswer> {
  constructor(
    readonly year: number,
    readonly minPosition?: string,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}

export class GetMdeFigures extends Query<MdeFiguresAnswer> {
  constructor(
    readonly year: number,
    readonly mde: string,
    readonly minPosition?: string,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}

export class GetProjectFigures extends Query<ProjectFiguresAnswer> {
  constructor(
    readonly year: number,
    readonly projectId: string,
    readonly minPosition?: string,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}

@QueryHandler(GetProgrammeFigures)
export class GetProgrammeFiguresHandler implements IQueryHandler<GetProgrammeFigures> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly figures: FiguresReader,
  ) {}

  async execute({ year, minPosition, access }: GetProgrammeFigures): Promise<ProgrammeFiguresAnswer> {
    if (access.kind !== 'all') {
      throw new AccessDeniedError("The programme's figures cover every MDE; a partner token reads its MDEs' figures");
    }
    await this.consistency.reach(minPosition);
    return { year, position: this.consistency.position(), ...programmeFigures(this.figures.figures(PROGRAMME, year)) };
  }
}

@QueryHandler(GetMdeFigures)
export class GetMdeFiguresHandler implements IQueryHandler<GetMdeFigures> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly figures: FiguresReader,
  ) {}

  async execute({ year, mde, minPosition, access }: GetMdeFigures): Promise<MdeFiguresAnswer> {
    if (!reaches(access, [mde])) throw new AccessDeniedError(`The MDE ${mde} is outside this token's scope`);
    await this.consistency.reach(minPosition);
    const scope = mdeScope(mde);
    if (!this.figures.scopeExists(scope)) throw new NotFoundError(`No project names the MDE ${mde}`);
    return { year, mde, position: this.consistency.position(), ...programmeFigures(this.figures.figures(scope, year)) };
  }
}

@QueryHandler(GetProjectFigures)
export class GetProjectFiguresHandler implements IQueryHandler<GetProjectFigures> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly figures: FiguresReader,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async execute({ year, projectId, minPosition, access }: GetProjectFigures): Promise<ProjectFiguresAnswer> {
    await this.consistency.reach(minPosition);
    const project = this.projects.find(projectId);
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist`);
    requireAccess(access, project.mdes, `Project ${projectId}`);
    return {
      year,
      projectId,
      position: this.consistency.position(),
      ...activityFigures(this.figures.figures(projectScope(projectId), year)),
      targets: { ...project.targets },
    };
  }
}
