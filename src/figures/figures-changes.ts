import type { ScopeYearFigures } from './figures-state.js';

/**
 * What the figures model changed since the last drain: what the projection
 * writes after each batch (the rest of the model's state goes into its
 * snapshots). A replay keeps none.
 */
export class FiguresChanges {
  /** The scopes and years with changed counters; each names its changed keys. */
  readonly counters = new Set<ScopeYearFigures>();
  readonly projects = new Set<string>();
  readonly participants = new Set<string>();

  counter(figures: ScopeYearFigures, key: string): void {
    if (figures.changed === undefined) {
      figures.changed = new Set();
      this.counters.add(figures);
    }
    figures.changed.add(key);
  }

  clear(): void {
    for (const figures of this.counters) figures.changed = undefined;
    this.counters.clear();
    this.projects.clear();
    this.participants.clear();
  }
}
