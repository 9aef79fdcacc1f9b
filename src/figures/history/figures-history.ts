import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ReadStore } from '../../projections/read-store.js';
import { PROGRAMME, mdeScope, projectScope } from '../figure-keys.js';
import type { ProgrammeEvent } from '../programme-event.js';
import {
  YearlyFiguresModel,
  type CountObserver,
  type FiguresDirectory,
  type ParticipantInfo,
} from '../yearly-figures.model.js';

/** A point in the history of the log: events up to a position, or recorded up to a time. */
export interface HistoryPoint {
  readonly atPosition?: bigint;
  /** ISO 8601 UTC, as `recordedAt` is written. */
  readonly asOf?: string;
}

export type FiguresScope =
  | { readonly kind: 'programme' }
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'mde'; readonly mde: string };

/** One journal entry as a replay sees it. */
export interface JournalEvent {
  readonly position: bigint;
  /** The project the event counts for. */
  readonly projectId: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly event: ProgrammeEvent;
}

export interface Replay {
  readonly model: YearlyFiguresModel;
  readonly scope: string;
  /** Position of the last event replayed; null when none counted. */
  readonly lastPosition: bigint | null;
}

interface JournalRow {
  position: bigint;
  project_id: string;
  recorded_at: string;
  actor: string;
  type: string;
  data: string;
}

const NO_LIMIT = 2n ** 63n - 1n;

/**
 * The figures as they stood at any point of the log: one year of the journal
 * (or one project's, or one MDE's projects'), replayed through the same model
 * the projection uses, up to a position or a recording time.
 *
 * A replay reads only the events of that year and scope. Projects in a replay
 * are independent of each other's order: a distinct count is a set, so the
 * journal is read in its own order (project, then position).
 */
@Injectable()
export class FiguresHistory {
  private statements: ReturnType<typeof prepare> | undefined;
  private preparedFor: Database.Database | undefined;

  constructor(private readonly readStore: ReadStore) {}

  scopeKey(scope: FiguresScope): string {
    switch (scope.kind) {
      case 'programme':
        return PROGRAMME;
      case 'project':
        return projectScope(scope.projectId);
      case 'mde':
        return mdeScope(scope.mde);
    }
  }

  replay(
    scope: FiguresScope,
    year: number,
    point: HistoryPoint,
    observe?: { observer: CountObserver; before: (entry: JournalEvent) => void },
  ): Replay {
    const statements = this.prepared();
    const model = new YearlyFiguresModel(false, this.directory(statements), observe?.observer);
    const until = point.atPosition ?? NO_LIMIT;
    let lastPosition: bigint | null = null;
    for (const row of this.rows(statements, scope, year, until)) {
      if (point.asOf !== undefined && row.recorded_at > point.asOf) continue;
      const entry: JournalEvent = {
        position: row.position,
        projectId: row.project_id,
        recordedAt: row.recorded_at,
        actor: row.actor,
        event: { type: row.type, data: JSON.parse(row.data) as unknown } as ProgrammeEvent,
      };
      observe?.before(entry);
      model.apply(entry.event);
      if (lastPosition === null || row.position > lastPosition) lastPosition = row.position;
    }
    return { model, scope: this.scopeKey(scope), lastPosition };
  }

  private *rows(
    statements: ReturnType<typeof prepare>,
    scope: FiguresScope,
    year: number,
    until: bigint,
  ): Iterable<JournalRow> {
    switch (scope.kind) {
      case 'programme':
        yield* statements.ofYear.iterate(year, until) as Iterable<JournalRow>;
        return;
      case 'project':
        yield* statements.ofProject.iterate(year, scope.projectId, until) as Iterable<JournalRow>;
        return;
      case 'mde':
        for (const { project_id, mdes } of statements.projects.all() as Array<{ project_id: string; mdes: string }>) {
          if (!(JSON.parse(mdes) as string[]).includes(scope.mde)) continue;
          yield* statements.ofProject.iterate(year, project_id, until) as Iterable<JournalRow>;
        }
        return;
    }
  }

  /** A project's MDEs and a participant's role never change: the current read model holds them. */
  private directory(statements: ReturnType<typeof prepare>): FiguresDirectory {
    const participants = new Map<string, ParticipantInfo | undefined>();
    return {
      projectMdes: (projectId) => this.mdesOf(statements, projectId),
      participant: (participantId) => {
        if (!participants.has(participantId)) {
          const row = statements.participant.get(participantId) as { role: string; registered: number } | undefined;
          participants.set(participantId, row && { role: row.role, registered: row.registered === 1 });
        }
        return participants.get(participantId);
      },
    };
  }

  private mdesOf(statements: ReturnType<typeof prepare>, projectId: string): readonly string[] | undefined {
    const row = statements.project.get(projectId) as { mdes: string } | undefined;
    return row && (JSON.parse(row.mdes) as string[]);
  }

  /** Prepared against the current database: a rebuild swaps it. */
  private prepared(): ReturnType<typeof prepare> {
    if (!this.statements || this.preparedFor !== this.readStore.db) {
      this.statements = prepare(this.readStore.db);
      this.preparedFor = this.readStore.db;
    }
    return this.statements;
  }
}

function prepare(db: Database.Database) {
  const columns = 'position, project_id, recorded_at, actor, type, data';
  return {
    ofYear: db.prepare(`SELECT ${columns} FROM figures_journal WHERE year = ? AND position <= ?`).safeIntegers(true),
    ofProject: db
      .prepare(
        `SELECT ${columns} FROM figures_journal WHERE year = ? AND project_id = ? AND position <= ? ORDER BY position`,
      )
      .safeIntegers(true),
    projects: db.prepare('SELECT project_id, mdes FROM figures_projects'),
    project: db.prepare('SELECT mdes FROM figures_projects WHERE project_id = ?'),
    participant: db.prepare('SELECT role, registered FROM figures_participants WHERE participant_id = ?'),
  };
}
