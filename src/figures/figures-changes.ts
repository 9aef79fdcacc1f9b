import type { DistinctDimension, ScopeYearFigures } from './figures-state.js';

/**
 * What the figures model changed since the last drain: what the projection
 * writes after each batch. A replay keeps none.
 */
export class FiguresChanges {
  /** The scopes and years with changed counters; each names its changed keys. */
  readonly counters = new Set<ScopeYearFigures>();
  readonly projects = new Set<string>();
  readonly sessions = new Set<string>();
  /** By session: each participant whose attendance changed → whether it now counts as recorded. */
  readonly attendees = new Map<string, Map<string, boolean>>();
  readonly participants = new Set<string>();
  readonly distinctValues: Array<{ scope: string; year: number; dimension: DistinctDimension; value: string }> = [];

  counter(figures: ScopeYearFigures, key: string): void {
    if (figures.changed === undefined) {
      figures.changed = new Set();
      this.counters.add(figures);
    }
    figures.changed.add(key);
  }

  attendee(sessionId: string, participantId: string, present: boolean): void {
    let participants = this.attendees.get(sessionId);
    if (!participants) this.attendees.set(sessionId, (participants = new Map<string, boolean>()));
    participants.set(participantId, present);
  }

  clear(): void {
    for (const figures of this.counters) figures.changed = undefined;
    this.counters.clear();
    this.projects.clear();
    this.sessions.clear();
    this.attendees.clear();
    this.participants.clear();
    this.distinctValues.length = 0;
  }
}
