import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../shared/access-scope.js';
import { FiguresGate } from '../figures-gate.js';
import { ReadWorkers, type ReadJob } from '../../projections/read-workers.js';
import { FiguresHistory, loggedEntry, type JournalEvent, type LoggedEntry } from '../history/figures-history.js';

export interface FigureChange {
  readonly scope: string;
  readonly figure: string;
  readonly delta: number;
}

export interface Correction extends LoggedEntry {
  readonly type: 'SessionCancelled' | 'AttendanceRetracted';
  readonly sessionId: string;
  readonly participantId?: string;
  readonly reason: string;
  /** What the correction changed, in every scope it counts in. */
  readonly changes: readonly FigureChange[];
}

type Collecting = Omit<Correction, 'changes'> & { readonly changes: Map<string, FigureChange> };

/**
 * The cancellations and retractions of a year, with who made them, when, why,
 * and the figures they changed: a replay of the year's journal in log order
 * that notes the counter changes each correction causes.
 */
export const yearCorrections: ReadJob<{ readonly history: FiguresHistory }, { readonly year: number }, Correction[]> = {
  name: 'year-corrections',
  run: ({ history }, { year }) => {
    const corrections = new Map<JournalEvent, Collecting>();
    history.replay(
      { kind: 'programme' },
      year,
      {},
      {
        entry: (entry) => {
          const { event } = entry;
          if (event.type !== 'SessionCancelled' && event.type !== 'AttendanceRetracted') return;
          corrections.set(entry, {
            ...loggedEntry(entry),
            type: event.type,
            sessionId: event.data.sessionId,
            ...(event.type === 'AttendanceRetracted' ? { participantId: event.data.participantId } : {}),
            reason: event.data.reason,
            changes: new Map(),
          });
        },
        change: ({ scope: counted, year: y, key: figure, delta }, entry) => {
          const correction = corrections.get(entry);
          if (!correction || y !== year) return;
          const key = `${counted}|${figure}`;
          const before = correction.changes.get(key)?.delta ?? 0;
          correction.changes.set(key, { scope: counted, figure, delta: before + delta });
        },
      },
    );
    return [...corrections.values()].map((correction) => ({
      ...correction,
      changes: [...correction.changes.values()]
        .filter((change) => change.delta !== 0)
        .sort((a, b) => (a.scope + a.figure < b.scope + b.figure ? -1 : 1)),
    }));
  },
};

/** The corrections of a year, once the gate let the request in, replayed in a read worker. */
@Injectable()
export class YearCorrections {
  constructor(
    private readonly gate: FiguresGate,
    private readonly history: FiguresHistory,
    private readonly workers: ReadWorkers,
  ) {}

  list(year: number, minPosition: string | undefined, access: AccessScope, actor: string): Promise<Correction[]> {
    const request = { scope: { kind: 'programme' } as const, year, minPosition, access, actor };
    return this.gate.replay(request, () => this.workers.run(yearCorrections, { year }, { history: this.history }));
  }
}
