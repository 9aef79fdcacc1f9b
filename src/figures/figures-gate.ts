import { Injectable } from '@nestjs/common';
import { AccessDeniedError, requireAccess, requireFound } from '../auth/access-denied.error.js';
import { reaches, type AccessScope } from '../shared/access-scope.js';
import { ProjectDetailsProjection, type ProjectDetails } from '../projects/read-model/project-details.projection.js';
import { ReadConsistency } from '../projections/consistency.js';
import { ReadCapacity } from '../projections/read-capacity.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { mdeScope } from './figure-keys.js';
import { FiguresReader } from './figures.reader.js';
import { PositionCache } from './position-cache.js';
import type { FiguresScope, HistoryPoint } from './history/figures-history.js';

/** What every read of figures asks: a scope and year, read-your-writes, a point in the past, and who asks. */
export interface FiguresRequest {
  readonly scope: FiguresScope;
  readonly year: number;
  readonly minPosition?: string | undefined;
  readonly point?: HistoryPoint | undefined;
  readonly access: AccessScope;
  /** The token asking: its expensive reads are bounded. */
  readonly actor: string;
}

/**
 * The one way into the figures read side (figures, provenance, corrections,
 * time travel): wait for `minPosition`, refuse (404, 403), then wait for
 * `atPosition`. A refused request costs a lookup, never a replay.
 */
@Injectable()
export class FiguresGate {
  /** The projects asked for, as the read models stand: each request still checks its token against them. */
  private readonly projectsAtPosition = new PositionCache<ProjectDetails | null>();

  constructor(
    private readonly consistency: ReadConsistency,
    private readonly projects: ProjectDetailsProjection,
    private readonly reader: FiguresReader,
    private readonly capacity: ReadCapacity,
  ) {}

  /**
   * An expensive read (a replay: provenance, corrections, a point in the past)
   * once admitted, within the token's and the service's bounds (docs/api.md,
   * "Security"): a refused request never waits for a slot.
   */
  async replay<T>(request: FiguresRequest, work: () => T | Promise<T>): Promise<T> {
    await this.admit(request);
    return this.capacity.run(request.actor, 'replay', work);
  }

  async admit({ scope, minPosition, point, access }: FiguresRequest): Promise<void> {
    await this.consistency.reach(minPosition);
    this.authorise(scope, access);
    if (point?.atPosition !== undefined) await this.consistency.reachWritten(point.atPosition, 'atPosition');
  }

  /** The position the read models stand at, as the API writes positions. */
  position(): string {
    return this.consistency.position();
  }

  private authorise(scope: FiguresScope, access: AccessScope): void {
    switch (scope.kind) {
      case 'programme':
        if (access.kind !== 'all') {
          throw new AccessDeniedError(
            "The programme's figures cover every MDE; a partner token reads its MDEs' figures",
          );
        }
        return;
      case 'mde':
        if (!reaches(access, [scope.mde]))
          throw new AccessDeniedError(`The MDE ${scope.mde} is outside this token's scope`);
        if (!this.reader.scopeExists(mdeScope(scope.mde)))
          throw new NotFoundError(`No project names the MDE ${scope.mde}`);
        return;
      case 'project': {
        const { projectId } = scope;
        const found = this.projectsAtPosition.get(projectId, this.position(), () => this.projects.find(projectId));
        const project = requireFound(found, access, `Project ${projectId}`);
        requireAccess(access, project.mdes, `Project ${projectId}`);
        return;
      }
    }
  }
}
