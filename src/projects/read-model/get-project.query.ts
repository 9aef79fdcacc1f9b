import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { requireAccess } from '../../auth/access-denied.error.js';
import { FULL_ACCESS, type AccessScope } from '../../shared/access-scope.js';
import { ReadConsistency } from '../../projections/consistency.js';
import { NotFoundError } from '../../shared/domain/errors.js';
import { ProjectDetailsProjection, type ProjectDetails } from './project-details.projection.js';

type ProjectAnswer = ProjectDetails & { readonly position: string };

export class GetProject extends Query<ProjectAnswer> {
  constructor(
    readonly projectId: string,
    readonly minPosition?: string,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}

@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async execute({ projectId, minPosition, access }: GetProject): Promise<ProjectAnswer> {
    await this.consistency.reach(minPosition);
    const project = this.projects.find(projectId);
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist`);
    requireAccess(access, project.mdes, `Project ${projectId}`);
    return { ...project, position: this.consistency.position() };
  }
}
