import { Injectable } from '@nestjs/common';
import { ReadStore } from '../../projections/read-store.js';
import { PROGRAMME, mdeScope, projectScope } from '../figure-keys.js';
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

const NO_LIMIT = 2n ** 63n - 1n;

/**
 * The figures as they stood at any point of the log: one year of the journal
 * (or one project's, or one MDE's projects'), replayed through the same model
 * the projection uses, up to a position or a recording time.
 *
 * A replay reads only the events of that year and scope.
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
    const model = new YearlyFiguresModel(new FiguresState(this.directory()));
    const until = point.atPosition ?? NO_LIMIT;
    let lastPosition: bigint | null = null;
    for (const row of this.rows(scope, year, until, observe !== undefined)) {
      if (point.asOf !== undefined && row.recorded_at > point.asOf) continue;
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
   * The journal of a scope and year. A replay that only wants the figures reads
   * it in its key order (project, then position): the figures at the end do not
   * depend on the order of projects, as a distinct count is a set. A replay
   * that is told of each change reads it in log order, because what one event
   * changes in a distinct count of an MDE or of the programme depends on the
   * other projects' events before it.
   */
  private rows(scope: FiguresScope, year: number, until: bigint, inLogOrder: boolean): Iterable<JournalRow> {
    const order = inLogOrder ? ' ORDER BY position' : '';
    const journal = (where: string) =>
      this.readStore.statement(
        `SELECT position, project_id, recorded_at, actor, type, data FROM figures_journal
         WHERE year = ? AND position <= ?${where}${order}`,
        { safeIntegers: true },
      );
    switch (scope.kind) {
      case 'programme':
        return journal('').iterate(year, until) as Iterable<JournalRow>;
      case 'project':
        return journal(' AND project_id = ?').iterate(year, until, scope.projectId) as Iterable<JournalRow>;
      case 'mde':
        return journal(
          ` AND project_id IN (SELECT project_id FROM figures_projects, json_each(figures_projects.mdes)
            WHERE json_each.value = ?)`,
        ).iterate(year, until, scope.mde) as Iterable<JournalRow>;
    }
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
