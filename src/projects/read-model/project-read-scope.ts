import { Injectable } from '@nestjs/common';
import { requireAccess, requireFound } from '../../auth/access-denied.error.js';
import { ReadConsistency } from '../../projections/consistency.js';
import type { AccessScope } from '../../shared/access-scope.js';
import { ProjectDetailsProjection } from './project-details.projection.js';

/**
 * The gate of every read of a project's records: wait for `minPosition`, then
 * the project must exist (404) and be within the caller's scope (403); to a
 * partner, an unknown project is refused as one outside its scope, so that the
 * answer is no oracle of what other MDEs recorded.
 */
@Injectable()
export class ProjectReadScope {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async open(projectId: string, minPosition: string | undefined, access: AccessScope): Promise<void> {
    await this.consistency.reach(minPosition);
    this.require(projectId, access, `Project ${projectId}`);
  }

  /** Checks the scope of a thing of a project (a session), refused by that thing's name. */
  require(projectId: string, access: AccessScope, what: string): void {
    const project = requireFound(this.projects.find(projectId), access, what);
    requireAccess(access, project.mdes, what);
  }

  /** The position the answer reflects. */
  position(): string {
    return this.consistency.position();
  }
}
