import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { dataJson, type StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import { FiguresChanges } from './figures-changes.js';
import { FiguresState, type DistinctDimension, type ProjectInfo } from './figures-state.js';
import { isProgrammeEvent } from './programme-event.js';
import { YearlyFiguresModel } from './yearly-figures.model.js';

const TABLES = [
  'figures',
  'figures_projects',
  'figures_sessions',
  'figures_attendees',
  'figures_participants',
  'figures_distinct_values',
  'figures_journal',
] as const;

/**
 * Persists the yearly figures model: the counters the queries read (`figures`)
 * and the facts the model needs to go on counting after a restart (which
 * sessions exist and are cancelled, who attended, participants' roles, the
 * distinct sectors and companies already counted).
 *
 * It also keeps a journal of the events that count, by year and project: time
 * travel, provenance and corrections replay one year (or one project) of it
 * instead of the whole log.
 */
@Injectable()
export class YearlyFiguresProjection implements Projection {
  readonly name = 'yearly-figures';
  /** 4: distinct counts are distinct within each scope (docs/domain.md, clarified). */
  readonly version = 4;
  readonly tables = TABLES;
  private readonly changes = new FiguresChanges();
  private model = new YearlyFiguresModel(new FiguresState(), this.changes);
  /** The last position counted: an event delivered again is skipped, so that it never counts twice. */
  private applied: bigint | null = null;
  private statements: ReturnType<typeof prepare> | undefined;

  setUp(db: Database.Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS figures (
        scope TEXT NOT NULL, year INTEGER NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (scope, year, key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_projects (
        project_id TEXT PRIMARY KEY, year INTEGER NOT NULL, mdes TEXT NOT NULL, carrier_type TEXT NOT NULL,
        audience TEXT NOT NULL, targets_partners INTEGER NOT NULL, kind TEXT NOT NULL, theme TEXT,
        status TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_sessions (
        session_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL,
        cancelled INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_attendees (
        session_id TEXT NOT NULL, participant_id TEXT NOT NULL,
        PRIMARY KEY (session_id, participant_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_participants (
        participant_id TEXT PRIMARY KEY, role TEXT NOT NULL, registered INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_distinct_values (
        scope TEXT NOT NULL, year INTEGER NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (scope, year, dimension, value)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_journal (
        year INTEGER NOT NULL, project_id TEXT NOT NULL, position INTEGER NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (year, project_id, position)) WITHOUT ROWID;
    `);
    this.statements = prepare(db);
  }

  load(db: Database.Database): void {
    const state = new FiguresState();
    for (const row of db.prepare('SELECT * FROM figures_projects').iterate() as Iterable<ProjectRow>) {
      state.addProject({
        projectId: row.project_id,
        year: row.year,
        mdes: JSON.parse(row.mdes) as string[],
        carrierType: row.carrier_type,
        audience: row.audience,
        targetsPartners: row.targets_partners === 1,
        kind: row.kind,
        theme: row.theme,
        status: row.status as ProjectInfo['status'],
      });
    }
    for (const row of db.prepare('SELECT * FROM figures_sessions').iterate() as Iterable<SessionRow>) {
      state.restoreSession({
        sessionId: row.session_id,
        projectId: row.project_id,
        year: row.year,
        kind: row.kind,
        cancelled: row.cancelled === 1,
      });
    }
    for (const row of db
      .prepare('SELECT session_id, participant_id FROM figures_attendees')
      .raw()
      .iterate() as Iterable<[string, string]>) {
      state.restoreAttendee(row[0], row[1]);
    }
    for (const row of db.prepare('SELECT * FROM figures_participants').raw().iterate() as Iterable<
      [string, string, number]
    >) {
      state.addParticipant(row[0], { role: row[1], registered: row[2] === 1 });
    }
    for (const row of db.prepare('SELECT * FROM figures_distinct_values').raw().iterate() as Iterable<
      [string, number, DistinctDimension, string]
    >) {
      state.addDistinct(row[0], row[1], row[2], row[3]);
    }
    for (const row of db.prepare('SELECT * FROM figures').raw().iterate() as Iterable<
      [string, number, string, number]
    >) {
      state.restoreCounter(row[0], row[1], row[2], row[3]);
    }
    state.recountDistinctParticipants();
    const checkpoint = db
      .prepare('SELECT position FROM projection_checkpoints WHERE name = ?')
      .pluck()
      .get(this.name) as string | null | undefined;
    this.applied = checkpoint == null ? null : BigInt(checkpoint);
    this.changes.clear();
    this.model = new YearlyFiguresModel(state, this.changes);
  }

  apply(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (this.applied !== null && event.position <= this.applied) continue;
      this.applied = event.position;
      if (!isProgrammeEvent(event)) continue;
      const place = this.model.apply(event);
      if (place) {
        const { recordedAt, actor } = event.metadata;
        const { journal } = this.statements!;
        journal.run(place.year, place.projectId, event.position, recordedAt, actor, event.type, dataJson(event));
      }
    }
    this.write();
  }

  private write(): void {
    const statements = this.statements;
    if (!statements) throw new Error('The yearly figures projection is not set up');
    const { changes } = this;
    const { state } = this.model;
    for (const projectId of changes.projects) {
      const project = state.projects.get(projectId)!;
      statements.upsertProject.run(
        project.projectId,
        project.year,
        JSON.stringify(project.mdes),
        project.carrierType,
        project.audience,
        project.targetsPartners ? 1 : 0,
        project.kind,
        project.theme,
        project.status,
      );
    }
    for (const sessionId of changes.sessions) {
      const session = state.sessions.get(sessionId)!;
      statements.upsertSession.run(
        session.sessionId,
        session.projectId,
        session.year,
        session.kind,
        session.cancelled ? 1 : 0,
      );
    }
    // A session's attendees one after the other: they sit side by side in the table's key order.
    for (const [sessionId, participants] of changes.attendees) {
      for (const [participantId, present] of participants) {
        (present ? statements.insertAttendee : statements.deleteAttendee).run(sessionId, participantId);
      }
    }
    for (const participantId of changes.participants) {
      const participant = state.participant(participantId)!;
      statements.insertParticipant.run(participantId, participant.role, participant.registered ? 1 : 0);
    }
    for (const { scope, year, dimension, value } of changes.distinctValues) {
      statements.insertDistinctValue.run(scope, year, dimension, value);
    }
    for (const { scope, year, values, changed } of changes.counters) {
      for (const key of changed ?? []) {
        const value = values.get(key) ?? 0;
        if (value === 0) statements.deleteFigure.run(scope, year, key);
        else statements.upsertFigure.run(scope, year, key, value);
      }
    }
    changes.clear();
  }
}

interface ProjectRow {
  project_id: string;
  year: number;
  mdes: string;
  carrier_type: string;
  audience: string;
  targets_partners: number;
  kind: string;
  theme: string | null;
  status: string;
}

interface SessionRow {
  session_id: string;
  project_id: string;
  year: number;
  kind: string;
  cancelled: number;
}

function prepare(db: Database.Database) {
  return {
    upsertProject: db.prepare(`INSERT OR REPLACE INTO figures_projects
      (project_id, year, mdes, carrier_type, audience, targets_partners, kind, theme, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    upsertSession: db.prepare(
      'INSERT OR REPLACE INTO figures_sessions (session_id, project_id, year, kind, cancelled) VALUES (?, ?, ?, ?, ?)',
    ),
    insertAttendee: db.prepare('INSERT OR IGNORE INTO figures_attendees (session_id, participant_id) VALUES (?, ?)'),
    deleteAttendee: db.prepare('DELETE FROM figures_attendees WHERE session_id = ? AND participant_id = ?'),
    insertParticipant: db.prepare(
      'INSERT OR REPLACE INTO figures_participants (participant_id, role, registered) VALUES (?, ?, ?)',
    ),
    insertDistinctValue: db.prepare(
      'INSERT OR IGNORE INTO figures_distinct_values (scope, year, dimension, value) VALUES (?, ?, ?, ?)',
    ),
    upsertFigure: db.prepare('INSERT OR REPLACE INTO figures (scope, year, key, value) VALUES (?, ?, ?, ?)'),
    deleteFigure: db.prepare('DELETE FROM figures WHERE scope = ? AND year = ? AND key = ?'),
    journal: db.prepare(`INSERT OR IGNORE INTO figures_journal
      (year, project_id, position, recorded_at, actor, type, data) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
}
