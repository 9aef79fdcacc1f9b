import { Injectable } from '@nestjs/common';
import { ReadConsistency } from '../../projections/consistency.js';
import { streamOfEvent } from '../programme-event.js';
import { FiguresHistory, type FiguresScope, type HistoryPoint, type JournalEvent } from '../history/figures-history.js';
import type { YearlyFiguresModel } from '../yearly-figures.model.js';

export interface ProvenanceEntry {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  /** How much this event adds to the figure (an outreach adds its count). */
  readonly counts: number;
  /** For a distinct count: the participant, sector or company this event first counted. */
  readonly item?: string;
}

export interface Provenance {
  readonly value: number;
  /** Position of the last event replayed. */
  readonly position: string;
  /** The events that make up the figure; their `counts` add up to `value`. */
  readonly events: readonly ProvenanceEntry[];
}

interface Contribution {
  readonly entry: JournalEvent;
  readonly amount: number;
}

interface DistinctCount {
  /** The figure whose contributions make it up. */
  readonly base: string;
  readonly itemOf: (item: string) => string;
  /**
   * Distinct within each project and summed over an MDE's or the programme's
   * projects (spec/domain.md: all but `participants`, distinct in every scope).
   */
  readonly perProject: boolean;
}

const participantOf = (item: string): string => item.split('|')[2]!;

/** Distinct counts, and the contributions (of which figure) they are made of. */
const DISTINCT: Record<string, DistinctCount> = {
  participants: { base: 'attendances', itemOf: participantOf, perProject: false },
  participantsByRole: { base: 'attendances', itemOf: participantOf, perProject: true },
  notRegisteredJobSeekers: { base: 'attendances', itemOf: participantOf, perProject: true },
  stageSectors: { base: 'stages', itemOf: (item) => item.split('|')[3]!, perProject: true },
  stageCompanies: { base: 'stages', itemOf: (item) => item.split('|')[4]!, perProject: true },
};

/**
 * Which events make up a figure: the replay records every contribution still
 * counted at the end (a cancelled session's, a retracted attendance's are
 * gone). A count lists its events; a sum lists them with what each adds; a
 * distinct count lists, for each participant, sector or company (in each
 * project, for the counts summed over projects), the earliest event still
 * counting it. The entries add up to the figure.
 */
@Injectable()
export class FigureProvenance {
  constructor(
    private readonly history: FiguresHistory,
    private readonly consistency: ReadConsistency,
  ) {}

  async explain(
    scope: FiguresScope,
    year: number,
    figure: string,
    minPosition: string | undefined,
    point: HistoryPoint = {},
  ): Promise<Provenance> {
    await this.consistency.reach(minPosition);
    if (point.atPosition !== undefined) await this.consistency.reach(point.atPosition.toString());
    const target = this.history.scopeKey(scope);
    const distinct = DISTINCT[figure.startsWith('participantsByRole.') ? 'participantsByRole' : figure];
    const recorded = distinct?.base ?? figure;
    const contributions = new Map<string, Contribution>();
    let current: JournalEvent | undefined;

    const replay = this.history.replay(scope, year, point, {
      before: (entry) => (current = entry),
      observer: (scopeKey, y, key, delta, item) => {
        if (scopeKey !== target || y !== year || key !== recorded || item === undefined || !current) return;
        if (delta > 0) contributions.set(item, { entry: current, amount: delta });
        else contributions.delete(item);
      },
    });

    const value = replay.model.figures(target, year).get(figure) ?? 0;
    const events = distinct
      ? this.firstCounting(contributions, distinct, this.keepFor(figure, replay.model))
      : [...contributions.values()].map(({ entry, amount }) => toEntry(entry, amount));
    events.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
    const position = (point.atPosition ?? replay.lastPosition ?? 0n).toString();
    return { value, position, events };
  }

  /** Which attendances a participant figure keeps: by role, or of participants not registered. */
  private keepFor(figure: string, model: YearlyFiguresModel): (item: string) => boolean {
    if (figure.startsWith('participantsByRole.')) {
      const role = figure.slice('participantsByRole.'.length);
      return (participantId) => model.participant(participantId)?.role === role;
    }
    if (figure === 'notRegisteredJobSeekers')
      return (participantId) => model.participant(participantId)?.registered === false;
    return () => true;
  }

  private firstCounting(
    contributions: ReadonlyMap<string, Contribution>,
    distinct: DistinctCount,
    keep: (item: string) => boolean,
  ): ProvenanceEntry[] {
    const first = new Map<string, { item: string; entry: JournalEvent }>();
    for (const [key, { entry }] of contributions) {
      const item = distinct.itemOf(key);
      if (!keep(item)) continue;
      const counted = distinct.perProject ? `${entry.projectId}|${item}` : item;
      const earlier = first.get(counted);
      if (!earlier || entry.position < earlier.entry.position) first.set(counted, { item, entry });
    }
    return [...first.values()].map(({ item, entry }) => ({ ...toEntry(entry, 1), item }));
  }
}

function toEntry(entry: JournalEvent, counts: number): ProvenanceEntry {
  return {
    position: entry.position.toString(),
    stream: streamOfEvent(entry.event),
    type: entry.event.type,
    recordedAt: entry.recordedAt,
    actor: entry.actor,
    counts,
  };
}
