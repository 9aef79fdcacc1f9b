import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import { keyAfter, pageOf, type Page, type PageRequest } from '../../projections/keyset-page.js';
import type { Projection } from '../../projections/projection.js';
import type { AccessScope } from '../../shared/access-scope.js';
import type { ProjectEvent, ProjectSubmission } from '../project.events.js';

export const PROJECT_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** One line of the list of projects (GET /api/projects). */
export interface ProjectListing {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly mdes: readonly string[];
  readonly kind: ProjectSubmission['kind'];
  readonly theme: string | null;
  readonly status: ProjectStatus;
  readonly carrier: ProjectSubmission['carrier'];
}

export interface ProjectFilter {
  readonly year: number | null;
  readonly mde: string | null;
  readonly status: ProjectStatus | null;
}

interface ListingRow {
  project_id: string;
  year: number;
  title: string;
  mdes: string;
  kind: ProjectSubmission['kind'];
  theme: string | null;
  status: ProjectStatus;
  carrier: string;
}

/**
 * The projects as a list to filter by year, MDE and status, in the order of
 * their ids: what a partner looks for first, the projects of its MDEs.
 */
@Injectable()
export class ProjectDirectoryProjection implements Projection {
  readonly name = 'project-directory';
  readonly version = 1;
  readonly tables = ['project_directory', 'project_directory_mdes'];
  private list: Database.Statement | undefined;
  private writes: ReturnType<typeof prepareWrites> | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS project_directory (
      project_id TEXT PRIMARY KEY, year INTEGER NOT NULL, title TEXT NOT NULL, mdes TEXT NOT NULL,
      kind TEXT NOT NULL, theme TEXT, status TEXT NOT NULL, carrier TEXT NOT NULL) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS project_directory_mdes (
      mde TEXT NOT NULL, project_id TEXT NOT NULL, PRIMARY KEY (mde, project_id)) WITHOUT ROWID`);
    // @scope: the partner's MDEs (JSON), or null for all.
    this.list = db.prepare(`SELECT p.project_id, p.year, p.title, p.mdes, p.kind, p.theme, p.status, p.carrier
      FROM project_directory p
      WHERE p.project_id > @after
        AND (@year IS NULL OR p.year = @year)
        AND (@status IS NULL OR p.status = @status)
        AND (@mde IS NULL OR EXISTS (SELECT 1 FROM project_directory_mdes m WHERE m.mde = @mde AND m.project_id = p.project_id))
        AND (@scope IS NULL OR EXISTS (SELECT 1 FROM project_directory_mdes m
             WHERE m.project_id = p.project_id AND m.mde IN (SELECT value FROM json_each(@scope))))
      ORDER BY p.project_id LIMIT @rows`);
    this.writes = prepareWrites(db);
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the tables.
  }

  apply(events: readonly StoredEvent[]): void {
    const { insert, insertMde, decide } = this.writes!;
    for (const stored of events) {
      const event = stored as unknown as ProjectEvent;
      switch (event.type) {
        case 'ProjectSubmitted': {
          const { projectId, year, title, mdes, kind, theme, carrier } = event.data;
          insert.run(projectId, year, title, JSON.stringify(mdes), kind, theme ?? null, JSON.stringify(carrier));
          for (const mde of mdes) insertMde.run(mde, projectId);
          break;
        }
        case 'ProjectApproved':
          decide.run('approved', event.data.projectId);
          break;
        case 'ProjectRejected':
          decide.run('rejected', event.data.projectId);
          break;
        default:
          // Outreach, narratives and every other stream change nothing of the list.
          break;
      }
    }
  }

  /** A page of the projects matching the filter, within the scope. */
  page(filter: ProjectFilter, scope: AccessScope, page: PageRequest): Page<ProjectListing> {
    const [after] = keyAfter(page, 1);
    const partnerMdes = scope.kind === 'all' ? null : JSON.stringify(scope.mdes);
    const rows = this.list!.all({ ...filter, scope: partnerMdes, after, rows: page.limit + 1 }) as ListingRow[];
    return pageOf(rows, page, (row) => [row.project_id], listingOf);
  }
}

const prepareWrites = (db: Database.Database) => ({
  insert: db.prepare(`INSERT OR IGNORE INTO project_directory
    (project_id, year, title, mdes, kind, theme, status, carrier) VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?)`),
  insertMde: db.prepare('INSERT OR IGNORE INTO project_directory_mdes (mde, project_id) VALUES (?, ?)'),
  decide: db.prepare('UPDATE project_directory SET status = ? WHERE project_id = ?'),
});

const listingOf = (row: ListingRow): ProjectListing => ({
  id: row.project_id,
  year: row.year,
  title: row.title,
  mdes: JSON.parse(row.mdes) as string[],
  kind: row.kind,
  theme: row.theme,
  status: row.status,
  carrier: JSON.parse(row.carrier) as ProjectSubmission['carrier'],
});
