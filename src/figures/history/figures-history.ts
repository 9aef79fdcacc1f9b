import { Injectable } from '@nestjs/common';
import { ReadStore } from '../../projections/read-store.js';
import { PROGRAMME, mdeScope, projectScope } from '../figure-keys.js';
import { restoreYear, type YearSnapshot } from '../figures-snapshot.js';
import { FiguresState, type FiguresDirectory, type ParticipantInfo } from '../figures-state.js';
import { streamOfEvent, type ProgrammeEvent } from '../programme-event.js';
import { YearlyFiguresModel, type CountChange } from '../yearly-figures.model.js';

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

/** A journal entry as answers show it: where it is in the log, and who recorded it when. */
export interface LoggedEntry {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
}

export function loggedEntry({ position, event, recordedAt, actor }: JournalEvent): LoggedEntry {
  return { position: position.toString(), stream: streamOfEvent(event), type: event.type, recordedAt, actor };
}

export interface Replay {
  readonly model: YearlyFiguresModel;
  readonly scope: string;
  /** Position of the last event replayed; null when none counted. */
  readonly lastPosition: bigint | null;
}

/** What a replay tells as it goes: each entry, and each counter change with the entry that made it. */
export interface ReplayObserver {
  readonly entry?: (entry: JournalEvent) => void;
  readonly change?: (change: CountChange, entry: JournalEvent) => void;
}

interface JournalRow {
  position: bigint;
  project_id: string;
  recorded_at: string;
  actor: string;
  type: string;
  data: string;
}

/** Journal rows after one position, up to another, recorded up to a time (ISO 8601 UTC). */
interface JournalRange {
  readonly after: bigint;
  readonly until: bigint;
  readonly recordedUntil: string;
}

interface SnapshotRow {
  position: bigint;
  state: string;
}

const NO_LIMIT = 2n ** 63n - 1n;
/** Later than any recording time: no `asOf`. */
const LATEST = '\uffff';

/**
 * The figures as they stood at any point of the log: one year of the journal
 * (or one project's, or one MDE's projects'), replayed through the same model
 * the projection uses, up to a position or a recording time.
 *
 * A replay reads only the events of that year and scope; the programme's
 * starts from the year's nearest snapshot before the point.
 */
@Injectable()
export class FiguresHistory {
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

  replay(scope: FiguresScope, year: number, point: HistoryPoint, observe?: ReplayObserver): Replay {
    const state = new FiguresState(this.directory());
    const snapshot = observe === undefined && scope.kind === 'programme' ? this.snapshotAt(year, point) : undefined;
    if (snapshot) restoreYear(state, year, JSON.parse(snapshot.state) as YearSnapshot);
    const model = new YearlyFiguresModel(state);
    const until = point.atPosition ?? NO_LIMIT;
    const recordedUntil = point.asOf ?? LATEST;
    // The snapshot was taken when its position's event was journalled: the last one replayed so far.
    let lastPosition: bigint | null = snapshot?.position ?? null;
    for (const row of this.rows(scope, year, { after: snapshot?.position ?? -1n, until, recordedUntil })) {
      const entry: JournalEvent = {
        position: row.position,
        projectId: row.project_id,
        recordedAt: row.recorded_at,
        actor: row.actor,
        event: { type: row.type, data: JSON.parse(row.data) as unknown } as ProgrammeEvent,
      };
      observe?.entry?.(entry);
      const { change } = observe ?? {};
      model.apply(entry.event, change && ((counted) => change(counted, entry)));
      if (lastPosition === null || row.position > lastPosition) lastPosition = row.position;
    }
    return { model, scope: this.scopeKey(scope), lastPosition };
  }

  /**
   * The latest snapshot of the year at or before the point: every journal row
   * it holds is at or before `atPosition` and was recorded at or before
   * `asOf`, so the replay from it applies the same rows as one from the start.
   *
   * Only the programme's replays start from one, and only those that want the
   * figures alone: a project's or an MDE's replay parses and counts only its
   * own rows, a few thousand, which costs less than restoring the whole year's
   * state; provenance and corrections are told of every change since the year
   * began.
   */
  private snapshotAt(year: number, point: HistoryPoint): SnapshotRow | undefined {
    return this.readStore
      .statement(
        `SELECT position, state FROM figures_snapshots
         WHERE year = ? AND position <= ? AND recorded_until <= ? ORDER BY position DESC LIMIT 1`,
        { safeIntegers: true },
      )
      .get(year, point.atPosition ?? NO_LIMIT, point.asOf ?? LATEST) as SnapshotRow | undefined;
  }

  /**
   * The journal of a scope and year in log order (its key): the rows after a
   * position, up to another, recorded up to a time. A project's or an MDE's
   * rows are read among the year's.
   *
   * The recording time is compared by SQLite: an `asOf` in a year under way
   * passes over the rows recorded after it without making them into objects.
   */
  private rows(scope: FiguresScope, year: number, range: JournalRange): Iterable<JournalRow> {
    const journal = (where: string) =>
      this.readStore.statement(
        `SELECT position, project_id, recorded_at, actor, type, data FROM figures_journal
         WHERE year = ? AND position > ? AND position <= ? AND recorded_at <= ?${where} ORDER BY position`,
        { safeIntegers: true },
      );
    const { after, until, recordedUntil } = range;
    switch (scope.kind) {
      case 'programme':
        return journal('').iterate(year, after, until, recordedUntil) as Iterable<JournalRow>;
      case 'project':
        return journal(' AND project_id = ?').iterate(
          year,
          after,
          until,
          recordedUntil,
          scope.projectId,
        ) as Iterable<JournalRow>;
      case 'mde':
        return journal(
          ` AND project_id IN (SELECT project_id FROM figures_projects, json_each(figures_projects.mdes)
            WHERE json_each.value = ?)`,
        ).iterate(year, after, until, recordedUntil, scope.mde) as Iterable<JournalRow>;
    }
  }

  /**
   * The latest recording time of the events that count, up to a position: each
   * year's nearest snapshot knows it up to its own position, and the rows after
   * it are few, so no replay reads the whole journal for it.
   */
  lastRecordedAt(position: bigint): string | null {
    // Two statements: SQLite reads a min() or a max() alone off the key's ends, both together by a scan.
    const first = this.readStore.statement('SELECT min(year) FROM figures_journal', { raw: true }).get() as [
      number | null,
    ];
    const last = this.readStore.statement('SELECT max(year) FROM figures_journal', { raw: true }).get() as [
      number | null,
    ];
    let latest: string | null = null;
    for (let year = first[0] ?? 0; last[0] !== null && year <= last[0]; year++) {
      const snapshot = this.readStore
        .statement(
          `SELECT position, recorded_until FROM figures_snapshots
           WHERE year = ? AND position <= ? ORDER BY position DESC LIMIT 1`,
          { safeIntegers: true },
        )
        .get(year, position) as { position: bigint; recorded_until: string } | undefined;
      const tail = this.readStore
        .statement(
          'SELECT max(recorded_at) AS at FROM figures_journal WHERE year = ? AND position > ? AND position <= ?',
        )
        .get(year, snapshot?.position ?? -1n, position) as { at: string | null };
      for (const at of [snapshot?.recorded_until, tail.at])
        if (at != null && (latest === null || at > latest)) latest = at;
    }
    return latest;
  }

  /** A project's MDEs and a participant's role never change: the current read model holds them. */
  private directory(): FiguresDirectory {
    const participants = new Map<string, ParticipantInfo | undefined>();
    const project = this.readStore.statement('SELECT mdes FROM figures_projects WHERE project_id = ?');
    const participant = this.readStore.statement(
      'SELECT role, registered FROM figures_participants WHERE participant_id = ?',
    );
    return {
      projectMdes: (projectId) => {
        const row = project.get(projectId) as { mdes: string } | undefined;
        return row && (JSON.parse(row.mdes) as string[]);
      },
      participant: (participantId) => {
        if (!participants.has(participantId)) {
          const row = participant.get(participantId) as { role: string; registered: number } | undefined;
          participants.set(participantId, row && { role: row.role, registered: row.registered === 1 });
        }
        return participants.get(participantId);
      },
    };
  }
}
