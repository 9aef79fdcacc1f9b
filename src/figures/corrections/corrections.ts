import { Injectable } from '@nestjs/common';
import { ReadConsistency } from '../../projections/consistency.js';
import { streamOfEvent } from '../programme-event.js';
import { FiguresHistory } from '../history/figures-history.js';

export interface FigureChange {
  readonly scope: string;
  readonly figure: string;
  readonly delta: number;
}

export interface Correction {
  readonly position: string;
  readonly stream: string;
  readonly type: 'SessionCancelled' | 'AttendanceRetracted';
  readonly sessionId: string;
  readonly participantId?: string;
  readonly reason: string;
  readonly actor: string;
  readonly recordedAt: string;
  /** What the correction changed, in every scope it counts in. */
  readonly changes: readonly FigureChange[];
}

/**
 * The cancellations and retractions of a year, with who made them, when, why,
 * and the figures they changed: a replay of the year's journal that notes the
 * counter changes each correction causes.
 */
@Injectable()
export class YearCorrections {
  constructor(
    private readonly history: FiguresHistory,
    private readonly consistency: ReadConsistency,
  ) {}

  async list(year: number, minPosition: string | undefined): Promise<Correction[]> {
    await this.consistency.reach(minPosition);
    const corrections: Array<Omit<Correction, 'changes'> & { changes: Map<string, FigureChange> }> = [];
    let open: (typeof corrections)[number] | undefined;
    this.history.replay(
      { kind: 'programme' },
      year,
      {},
      {
        before: ({ event, position, recordedAt, actor }) => {
          open = undefined;
          if (event.type !== 'SessionCancelled' && event.type !== 'AttendanceRetracted') return;
          open = {
            position: position.toString(),
            stream: streamOfEvent(event),
            type: event.type,
            sessionId: event.data.sessionId,
            ...(event.type === 'AttendanceRetracted' ? { participantId: event.data.participantId } : {}),
            reason: event.data.reason,
            actor,
            recordedAt,
            changes: new Map(),
          };
          corrections.push(open);
        },
        observer: (scope, y, figure, delta) => {
          if (!open || y !== year) return;
          const key = `${scope}|${figure}`;
          const change = open.changes.get(key)?.delta ?? 0;
          open.changes.set(key, { scope, figure, delta: change + delta });
        },
      },
    );
    return corrections
      .map((correction) => ({
        ...correction,
        changes: [...correction.changes.values()]
          .filter((change) => change.delta !== 0)
          .sort((a, b) => (a.scope + a.figure < b.scope + b.figure ? -1 : 1)),
      }))
      .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  }
}
