import { Injectable } from '@nestjs/common';
import { InvalidRequestError } from '../../shared/errors.js';
import type { DistinctCounting, NamedFigure } from '../figure-definitions.js';
import { FiguresGate, type FiguresRequest } from '../figures-gate.js';
import {
  FiguresHistory,
  loggedEntry,
  type FiguresScope,
  type HistoryPoint,
  type JournalEvent,
  type LoggedEntry,
} from '../history/figures-history.js';
import { ReadWorkers, type ReadJob } from '../../projections/read-workers.js';
import { isLogPositionText } from '../../projections/consistency.js';
import type { Contribution, YearlyFiguresModel } from '../yearly-figures.model.js';

export interface ProvenanceEntry extends LoggedEntry {
  /** How much this event adds to the figure (an outreach adds its count). */
  readonly counts: number;
  /** For a distinct count: the participant, sector or company this event first counted. */
  readonly item?: string;
}

export interface Provenance {
  readonly value: number;
  /** Position of the last event replayed. */
  readonly position: string;
  /** How many events make up the figure, on every page. */
  readonly total: number;
  /** One page of the events that make up the figure; the `counts` of all pages add up to `value`. */
  readonly events: readonly ProvenanceEntry[];
  /** The `after` of the next page, when there is one (ask it with `atPosition` = `position`). */
  readonly next?: string;
}

/** A page of provenance: at most `limit` events, from the one after the cursor. */
export interface ProvenancePage {
  readonly limit: number;
  readonly after?: string | undefined;
}

/** Measured on the demo programme's participants (1,487 entries): a page of 100 is 17 KB, one of 1,000 is 167 KB. */
export const PROVENANCE_PAGE = { default: 100, max: 1000 } as const;

interface Counted {
  readonly entry: JournalEvent;
  readonly amount: number;
  readonly contribution: Contribution;
}

/** What a provenance replay needs: where and when, the figure, and the page (its cursor read). */
export interface ProvenanceInput {
  readonly scope: FiguresScope;
  readonly year: number;
  readonly point: HistoryPoint;
  readonly figure: NamedFigure;
  readonly limit: number;
  readonly after?: { readonly position: string; readonly item: string } | undefined;
}

/**
 * Which events make up a figure (its catalogue entry says what they are): the
 * replay records every contribution still counted at the end (a cancelled
 * session's, a retracted attendance's are gone). A count lists its events; a
 * sum lists them with what each adds; a distinct count lists, for each
 * participant, sector or company of the scope, the earliest event still
 * counting it. The entries add up to the figure.
 */
export const figureProvenance: ReadJob<{ readonly history: FiguresHistory }, ProvenanceInput, Provenance> = {
  name: 'figure-provenance',
  run: ({ history }, { scope, year, point, figure, limit, after }) => {
    const { counting } = figure.definition;
    if (counting.kind === 'ratio') throw new Error(`${figure.key} is a ratio: it has no provenance of its own`);
    const target = history.scopeKey(scope);
    const distinct = counting.kind === 'distinct' ? counting : undefined;
    const recorded = distinct?.from ?? figure.key;
    const contributions = new Map<string, Counted>();

    const replay = history.replay(scope, year, point, {
      change: ({ scope: counted, year: y, key, delta, contribution }, entry) => {
        if (counted !== target || y !== year || key !== recorded || contribution === undefined) return;
        if (delta > 0) contributions.set(contribution.id, { entry, amount: delta, contribution });
        else contributions.delete(contribution.id);
      },
    });

    const value = replay.model.figures(target, year).get(figure.key) ?? 0;
    const events = distinct
      ? firstCounting(contributions, distinct, keeps(figure, distinct, replay.model))
      : [...contributions.values()].map(({ entry, amount }) => ({ ...loggedEntry(entry), counts: amount }));
    events.sort(inLogOrder);
    const position = (point.atPosition ?? replay.lastPosition ?? 0n).toString();
    const start = after === undefined ? 0 : events.findIndex((entry) => inLogOrder(entry, after) > 0);
    const shown = start < 0 ? [] : events.slice(start, start + limit);
    const last = shown[shown.length - 1];
    const more = start >= 0 && start + limit < events.length && last !== undefined;
    return { value, position, total: events.length, events: shown, ...(more ? { next: cursorOf(last) } : {}) };
  },
};

/** Provenance, once the gate let the request in, replayed in a read worker. */
@Injectable()
export class FigureProvenance {
  constructor(
    private readonly gate: FiguresGate,
    private readonly history: FiguresHistory,
    private readonly workers: ReadWorkers,
  ) {}

  explain(
    request: FiguresRequest,
    figure: NamedFigure,
    page: ProvenancePage = { limit: PROVENANCE_PAGE.default },
  ): Promise<Provenance> {
    const { scope, year, point = {} } = request;
    const after = page.after === undefined ? undefined : cursorEntry(page.after);
    const input = { scope, year, point, figure, limit: page.limit, after };
    return this.gate.replay(request, () => this.workers.run(figureProvenance, input, { history: this.history }));
  }
}

/** Which items a distinct count keeps: participants of the breakdown's role, or not registered. */
function keeps(figure: NamedFigure, counting: DistinctCounting, model: YearlyFiguresModel): (item: string) => boolean {
  if (counting.only === 'role') return (participantId) => model.participant(participantId)?.role === figure.value;
  if (counting.only === 'not-registered')
    return (participantId) => model.participant(participantId)?.registered === false;
  return () => true;
}

/** For each item the count counts once in the scope, the earliest contribution still counting it. */
function firstCounting(
  contributions: ReadonlyMap<string, Counted>,
  counting: DistinctCounting,
  keep: (item: string) => boolean,
): ProvenanceEntry[] {
  const first = new Map<string, JournalEvent>();
  for (const { entry, contribution } of contributions.values()) {
    const item = contribution[counting.of];
    if (item === undefined || !keep(item)) continue;
    const earlier = first.get(item);
    if (!earlier || entry.position < earlier.position) first.set(item, entry);
  }
  return [...first].map(([item, entry]) => ({ ...loggedEntry(entry), counts: 1, item }));
}

/** Events in log order; the items one event counts (a distinct count), by item. */
function inLogOrder(
  a: Pick<ProvenanceEntry, 'position' | 'item'>,
  b: Pick<ProvenanceEntry, 'position' | 'item'>,
): number {
  const [x, y] = [BigInt(a.position), BigInt(b.position)];
  if (x !== y) return x < y ? -1 : 1;
  const [i, j] = [a.item ?? '', b.item ?? ''];
  return i === j ? 0 : i < j ? -1 : 1;
}

/** The cursor of an entry: opaque to clients, its position and item. */
const cursorOf = (entry: ProvenanceEntry): string =>
  Buffer.from(JSON.stringify([entry.position, entry.item ?? ''])).toString('base64url');

/** The entry a cursor names; a cursor the service did not make is a bad request. */
function cursorEntry(cursor: string): { position: string; item: string } {
  try {
    const [position, item] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (isLogPositionText(position) && typeof item === 'string') return { position, item };
  } catch {
    // answered below
  }
  throw new InvalidRequestError([{ field: 'after', message: 'must be the next of an earlier page' }]);
}
