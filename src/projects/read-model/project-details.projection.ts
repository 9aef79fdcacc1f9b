import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import type { Projection } from '../../projections/projection.js';
import { assertNever } from '../../shared/domain/decider.js';
import { PROJECT_EVENT_TYPES, type ProjectEvent, type ProjectSubmission } from '../project.events.js';

/** A project as recorded: what GET /api/projects/{id} answers. */
export interface ProjectDetails {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly mdes: readonly string[];
  readonly carrier: ProjectSubmission['carrier'];
  readonly kind: ProjectSubmission['kind'];
  readonly theme?: string;
  readonly audience: ProjectSubmission['audience'];
  readonly targetsPartners: boolean;
  readonly targets?: ProjectSubmission['targets'];
  readonly status: 'submitted' | 'approved' | 'rejected';
  readonly submittedAt: string;
  readonly decision: {
    readonly decision: 'approved' | 'rejected';
    readonly fundedAmount?: number;
    readonly reason?: string;
    readonly decidedAt: string;
  } | null;
  /** The latest narrative of each report year. */
  readonly narratives: Readonly<Record<string, { readonly text: string; readonly writtenAt: string }>>;
  /** Revision of the project stream's last event. */
  readonly revision: number;
}

const PROJECT_EVENTS = new Set<string>(PROJECT_EVENT_TYPES);

@Injectable()
export class ProjectDetailsProjection implements Projection {
  readonly name = 'project-details';
  readonly version = 1;
  readonly tables = ['project_details'];
  private readonly projects = new Map<string, ProjectDetails>();
  private upsert: Database.Statement | undefined;
  private byId: Database.Statement | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS project_details (
      project_id TEXT PRIMARY KEY, document TEXT NOT NULL) WITHOUT ROWID`);
    this.upsert = db.prepare('INSERT OR REPLACE INTO project_details (project_id, document) VALUES (?, ?)');
    this.byId = db.prepare('SELECT document FROM project_details WHERE project_id = ?');
  }

  load(db: Database.Database): void {
    this.projects.clear();
    for (const [document] of db.prepare('SELECT document FROM project_details').raw().iterate() as Iterable<[string]>) {
      const project = JSON.parse(document) as ProjectDetails;
      this.projects.set(project.id, project);
    }
  }

  apply(events: readonly StoredEvent[]): void {
    const changed = new Set<string>();
    for (const event of events) {
      if (!PROJECT_EVENTS.has(event.type)) continue;
      const project = evolveProjectDetails(this.projects.get(projectIdOf(event)) ?? null, event);
      if (project) {
        this.projects.set(project.id, project);
        changed.add(project.id);
      }
    }
    for (const id of changed) this.upsert!.run(id, JSON.stringify(this.projects.get(id)));
  }

  /** Reads the table (not the mirror), as every query does. */
  find(projectId: string): ProjectDetails | null {
    const row = this.byId!.get(projectId) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as ProjectDetails) : null;
  }
}

const projectIdOf = (event: StoredEvent): string => (event.data as { projectId: string }).projectId;

/**
 * A project's details after one more event of its stream: the read model's
 * rule, also used to read a project as it stood at a past position.
 */
export function evolveProjectDetails(project: ProjectDetails | null, stored: StoredEvent): ProjectDetails | null {
  const event = stored as unknown as ProjectEvent;
  const revision = Number(stored.revision);
  const at = stored.metadata.recordedAt;
  if (event.type === 'ProjectSubmitted') {
    const { projectId, ...submission } = event.data;
    return {
      id: projectId,
      ...submission,
      status: 'submitted',
      submittedAt: at,
      decision: null,
      narratives: {},
      revision,
    };
  }
  if (!project) return null;
  switch (event.type) {
    case 'ProjectApproved':
    case 'ProjectRejected': {
      const decision = event.type === 'ProjectApproved' ? 'approved' : 'rejected';
      const { projectId: _id, ...details } = event.data;
      return { ...project, status: decision, decision: { decision, ...details, decidedAt: at }, revision };
    }
    case 'ProjectNarrativeWritten':
      return {
        ...project,
        narratives: { ...project.narratives, [event.data.year]: { text: event.data.text, writtenAt: at } },
        revision,
      };
    case 'OutreachRecorded':
      return { ...project, revision };
    default:
      return assertNever(event);
  }
}
