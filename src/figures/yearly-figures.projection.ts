import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { dataJson, type StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import { RowsInsert } from '../projections/rows-insert.js';
import { FiguresChanges } from './figures-changes.js';
import { restoreYear, snapshotOfYear, type YearSnapshot } from './figures-snapshot.js';
import { FiguresState, entry } from './figures-state.js';
import { isProgrammeEvent, type ProgrammeEvent } from './programme-event.js';
import { YearlyFiguresModel } from './yearly-figures.model.js';

const TABLES = [
  'figures',
  'figures_projects',
  'figures_participants',
  'figures_journal',
  'figures_snapshots',
  'figures_year_projects',
] as const;

/**
 * Journal rows of a year between two snapshots of it. A replay of the year
 * reads at most this many rows after the nearest snapshot: on the bench's
 * 1,000,000-event log (165,000 rows a year) eight snapshots a year.
 */
export const SNAPSHOT_EVERY = 20_000;

/** How far a year's journal has gone: its rows, and the latest recording time among them. */
interface YearProgress {
  rows: number;
  recordedUntil: string;
}

/**
 * Persists the yearly figures model: the counters the queries read (`figures`),
 * the projects and participants the replays look up, each year's projects
 * with the first event that counts for them there (a report lists them), and
 * a journal of the events that count, by year, in log order: time travel,
 * provenance and corrections replay one year (or one project's rows of it)
 * instead of the whole log. The journal has no index by project: one more
 * B-tree to write for each of its rows made a rebuild slower than a project's
 * replay reading its year's rows.
 *
 * The rest of the model (sessions, attendees, distinct values, who counts in
 * each scope) is kept in periodic snapshots of each year, one every
 * `SNAPSHOT_EVERY` rows of its journal (figures-snapshot.ts): a restart
 * restores each year's latest and replays the journal after it, and time
 * travel starts from the nearest snapshot at or before its point.
 */
@Injectable()
export class YearlyFiguresProjection implements Projection {
  readonly name = 'yearly-figures';
  /**
   * 5: sessions, attendees and distinct values in yearly snapshots instead of a row each; the journal by year and position.
   * 6: the snapshots keep who counts in each scope, which a replay recounted from every attendance of the year;
   * each year's projects listed with their first journal row (a report found them among all the year's rows).
   */
  readonly version = 6;
  readonly tables = TABLES;
  private readonly changes = new FiguresChanges();
  private model = new YearlyFiguresModel(new FiguresState(), this.changes);
  /** The last position counted: an event delivered again is skipped, so that it never counts twice. */
  private applied: bigint | null = null;
  private readonly years = new Map<number, YearProgress>();
  /** The projects with a journal row in each year (figures_year_projects). */
  private readonly yearProjects = new Map<number, Set<string>>();
  private snapshotEvery = SNAPSHOT_EVERY;
  private statements: ReturnType<typeof prepare> | undefined;

  /** A projection snapshotting more often than the service's: the tests reach many snapshots on small logs. */
  static snapshottingEvery(rows: number): YearlyFiguresProjection {
    const projection = new YearlyFiguresProjection();
    projection.snapshotEvery = rows;
    return projection;
  }

  setUp(db: Database.Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS figures (
        scope TEXT NOT NULL, year INTEGER NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (scope, year, key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_projects (
        project_id TEXT PRIMARY KEY, year INTEGER NOT NULL, mdes TEXT NOT NULL, carrier_type TEXT NOT NULL,
        audience TEXT NOT NULL, targets_partners INTEGER NOT NULL, kind TEXT NOT NULL, theme TEXT,
        status TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_participants (
        participant_id TEXT PRIMARY KEY, role TEXT NOT NULL, registered INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_journal (
        year INTEGER NOT NULL, position INTEGER NOT NULL, project_id TEXT NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (year, position)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_year_projects (
        year INTEGER NOT NULL, project_id TEXT NOT NULL, first_position INTEGER NOT NULL,
        PRIMARY KEY (year, project_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS figures_snapshots (
        year INTEGER NOT NULL, position INTEGER NOT NULL, recorded_until TEXT NOT NULL,
        journal_rows INTEGER NOT NULL, state TEXT NOT NULL,
        PRIMARY KEY (year, position)) WITHOUT ROWID;
    `);
    this.statements = prepare(db);
  }

  /** Each year's latest snapshot, then the journal written after it, replayed. */
  load(db: Database.Database): void {
    // A snapshot of a year may count activities of a project whose submission is still in its year's journal.
    const mdes = new Map(
      (db.prepare('SELECT project_id, mdes FROM figures_projects').raw().all() as Array<[string, string]>).map(
        ([projectId, json]) => [projectId, JSON.parse(json) as string[]],
      ),
    );
    const state = new FiguresState({ projectMdes: (projectId) => mdes.get(projectId), participant: () => undefined });
    for (const row of db.prepare('SELECT * FROM figures_participants').raw().iterate() as Iterable<
      [string, string, number]
    >) {
      state.addParticipant(row[0], { role: row[1], registered: row[2] === 1 });
    }
    this.years.clear();
    this.yearProjects.clear();
    for (const [year, projectId] of db
      .prepare('SELECT year, project_id FROM figures_year_projects')
      .raw()
      .iterate() as Iterable<[number, string]>) {
      entry(this.yearProjects, year, () => new Set<string>()).add(projectId);
    }
    const latest = db.prepare(`SELECT year, recorded_until, journal_rows, state FROM figures_snapshots s
      WHERE position = (SELECT max(position) FROM figures_snapshots WHERE year = s.year)`);
    for (const row of latest.safeIntegers(true).iterate() as Iterable<SnapshotRow>) {
      const year = Number(row.year);
      restoreYear(state, year, JSON.parse(row.state) as YearSnapshot);
      this.years.set(year, { rows: Number(row.journal_rows), recordedUntil: row.recorded_until });
    }
    const model = new YearlyFiguresModel(state);
    // In log order across the years: a year's activity of a project submitted the year before needs its MDEs.
    const tails = db
      .prepare(
        `WITH latest AS (SELECT year, max(position) AS position FROM figures_snapshots GROUP BY year)
         SELECT j.year, j.position, j.recorded_at, j.type, j.data
         FROM (SELECT DISTINCT year FROM figures_journal) AS y
         LEFT JOIN latest ON latest.year = y.year
         JOIN figures_journal AS j ON j.year = y.year AND j.position > coalesce(latest.position, -1)
         ORDER BY j.position`,
      )
      .safeIntegers(true);
    for (const row of tails.iterate() as Iterable<JournalRow>) {
      model.apply({ type: row.type, data: JSON.parse(row.data) as unknown } as ProgrammeEvent);
      this.progress(Number(row.year), row.recorded_at);
    }
    const checkpoint = db
      .prepare('SELECT position FROM projection_checkpoints WHERE name = ?')
      .pluck()
      .get(this.name) as string | null | undefined;
    this.applied = checkpoint == null ? null : BigInt(checkpoint);
    this.changes.clear();
    this.model = new YearlyFiguresModel(state, this.changes);
  }

  apply(events: readonly StoredEvent[]): void {
    const statements = this.statements;
    if (!statements) throw new Error('The yearly figures projection is not set up');
    const journal: unknown[] = [];
    const firstRows: unknown[] = [];
    for (const event of events) {
      if (this.applied !== null && event.position <= this.applied) continue;
      this.applied = event.position;
      if (!isProgrammeEvent(event)) continue;
      const place = this.model.apply(event);
      if (!place) continue;
      const { recordedAt, actor } = event.metadata;
      journal.push(place.year, event.position, place.projectId, recordedAt, actor, event.type, dataJson(event));
      const projects = entry(this.yearProjects, place.year, () => new Set<string>());
      if (!projects.has(place.projectId)) {
        projects.add(place.projectId);
        firstRows.push(place.year, place.projectId, event.position);
      }
      const progress = this.progress(place.year, recordedAt);
      if (progress.rows % this.snapshotEvery === 0) {
        const snapshot = JSON.stringify(snapshotOfYear(this.model.state, place.year));
        statements.snapshot.run(place.year, event.position, progress.recordedUntil, progress.rows, snapshot);
      }
    }
    statements.journal.run(journal);
    statements.yearProjects.run(firstRows);
    this.write();
  }

  /** Counts a journal row of the year. */
  private progress(year: number, recordedAt: string): YearProgress {
    let progress = this.years.get(year);
    if (!progress) this.years.set(year, (progress = { rows: 0, recordedUntil: recordedAt }));
    progress.rows++;
    if (recordedAt > progress.recordedUntil) progress.recordedUntil = recordedAt;
    return progress;
  }

  private write(): void {
    const statements = this.statements!;
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
    for (const participantId of changes.participants) {
      const participant = state.participant(participantId)!;
      statements.insertParticipant.run(participantId, participant.role, participant.registered ? 1 : 0);
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

interface SnapshotRow {
  year: bigint;
  recorded_until: string;
  journal_rows: bigint;
  state: string;
}

interface JournalRow {
  year: bigint;
  position: bigint;
  recorded_at: string;
  type: string;
  data: string;
}

function prepare(db: Database.Database) {
  return {
    upsertProject: db.prepare(`INSERT OR REPLACE INTO figures_projects
      (project_id, year, mdes, carrier_type, audience, targets_partners, kind, theme, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertParticipant: db.prepare(
      'INSERT OR REPLACE INTO figures_participants (participant_id, role, registered) VALUES (?, ?, ?)',
    ),
    upsertFigure: db.prepare('INSERT OR REPLACE INTO figures (scope, year, key, value) VALUES (?, ?, ?, ?)'),
    deleteFigure: db.prepare('DELETE FROM figures WHERE scope = ? AND year = ? AND key = ?'),
    journal: new RowsInsert(
      db,
      7,
      (values) => `INSERT OR IGNORE INTO figures_journal
        (year, position, project_id, recorded_at, actor, type, data) VALUES ${values}`,
    ),
    yearProjects: new RowsInsert(
      db,
      3,
      (values) => `INSERT OR IGNORE INTO figures_year_projects (year, project_id, first_position) VALUES ${values}`,
    ),
    snapshot: db.prepare(`INSERT OR REPLACE INTO figures_snapshots
      (year, position, recorded_until, journal_rows, state) VALUES (?, ?, ?, ?, ?)`),
  };
}
