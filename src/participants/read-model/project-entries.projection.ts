import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import type { OutreachAudience, OutreachRecorded } from '../../projects/project.events.js';
import { keyAfter, pageOf, type Page, type PageRequest } from '../../projections/keyset-page.js';
import type { Projection } from '../../projections/projection.js';
import type { OutcomeRecorded, OutcomeType, StageObtained } from '../participant.events.js';

export interface StageEntry {
  readonly id: string;
  readonly participantId: string;
  readonly startDate: string;
  readonly sector: string;
  readonly companyId: string;
  readonly recordedAt: string;
}

export interface OutreachEntry {
  readonly id: string;
  readonly date: string;
  readonly audience: OutreachAudience;
  readonly count: number;
  readonly recordedAt: string;
}

export interface OutcomeEntry {
  readonly id: string;
  readonly participantId: string;
  readonly type: OutcomeType;
  readonly date: string;
  readonly recordedAt: string;
}

/** The kinds of entry a project's page lists besides its sessions. */
export type EntryKind = 'stages' | 'outreach' | 'outcomes';
export interface EntriesOf {
  stages: StageEntry;
  outreach: OutreachEntry;
  outcomes: OutcomeEntry;
}

interface EntryRow {
  project_id: string;
  entry_id: string;
  participant_id: string;
  date: string;
  year: number;
  detail: string;
  recorded_at: string;
}

/**
 * The stages, outreach and outcomes of each project as recorded, with their
 * ids, by business date: one table, the entry's own fields kept as recorded.
 * Outreach names no participant (its `participant_id` is empty).
 */
@Injectable()
export class ProjectEntriesProjection implements Projection {
  readonly name = 'project-entries';
  readonly version = 1;
  readonly tables = ['project_entries'];
  private list: Database.Statement | undefined;
  private insert: Database.Statement | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS project_entries (
      project_id TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, participant_id TEXT NOT NULL,
      entry_id TEXT NOT NULL, year INTEGER NOT NULL, detail TEXT NOT NULL, recorded_at TEXT NOT NULL,
      PRIMARY KEY (project_id, kind, date, participant_id, entry_id)) WITHOUT ROWID`);
    this.list = db.prepare(`SELECT * FROM project_entries
      WHERE project_id = @projectId AND kind = @kind AND (@year IS NULL OR year = @year)
        AND (date, participant_id, entry_id) > (@date, @participant, @entry)
      ORDER BY date, participant_id, entry_id LIMIT @rows`);
    this.insert = db.prepare(`INSERT OR IGNORE INTO project_entries
      (project_id, kind, date, participant_id, entry_id, year, detail, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the table.
  }

  apply(events: readonly StoredEvent[]): void {
    const insert = this.insert!;
    for (const stored of events) {
      const at = stored.metadata.recordedAt;
      if (stored.type === 'StageObtained') {
        const { projectId, participantId, stageId, startDate, sector, companyId } = (stored as unknown as StageObtained)
          .data;
        const detail = JSON.stringify({ sector, companyId });
        insert.run(projectId, 'stages', startDate, participantId, stageId, yearOf(startDate), detail, at);
      } else if (stored.type === 'OutreachRecorded') {
        const { projectId, outreachId, date, audience, count } = (stored as unknown as OutreachRecorded).data;
        insert.run(projectId, 'outreach', date, '', outreachId, yearOf(date), JSON.stringify({ audience, count }), at);
      } else if (stored.type === 'OutcomeRecorded') {
        const { projectId, participantId, outcomeId, type, date } = (stored as unknown as OutcomeRecorded).data;
        insert.run(projectId, 'outcomes', date, participantId, outcomeId, yearOf(date), JSON.stringify({ type }), at);
      }
    }
  }

  /** A page of a project's entries of one kind, by date, then participant and id. */
  page<Kind extends EntryKind>(
    kind: Kind,
    projectId: string,
    year: number | null,
    page: PageRequest,
  ): Page<EntriesOf[Kind]> {
    const [date, participant, entry] = keyAfter(page, 3);
    // The cursor of an outreach page keeps its empty participant as '-', so that no part of a cursor is empty.
    const rows = this.list!.all({
      projectId,
      kind,
      year,
      date,
      participant: participant === '-' ? '' : participant,
      entry,
      rows: page.limit + 1,
    }) as EntryRow[];
    return pageOf(
      rows,
      page,
      (row) => [row.date, row.participant_id || '-', row.entry_id],
      (row) => entryOf(kind, row),
    );
  }
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

function entryOf<Kind extends EntryKind>(kind: Kind, row: EntryRow): EntriesOf[Kind] {
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  const common = { id: row.entry_id, recordedAt: row.recorded_at };
  switch (kind) {
    case 'outreach':
      return { ...common, date: row.date, ...detail } as EntriesOf[Kind];
    case 'stages':
      return { ...common, participantId: row.participant_id, startDate: row.date, ...detail } as EntriesOf[Kind];
    default:
      return { ...common, participantId: row.participant_id, date: row.date, ...detail } as EntriesOf[Kind];
  }
}
