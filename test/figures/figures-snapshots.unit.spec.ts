import fc from 'fast-check';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { yearCorrections, type Correction } from '../../src/figures/corrections/corrections.js';
import { figureNamed } from '../../src/figures/figure-definitions.js';
import { PROGRAMME, mdeScope, projectScope } from '../../src/figures/figure-keys.js';
import { activityFigures, programmeFigures } from '../../src/figures/figures-shapes.js';
import { FiguresHistory, type FiguresScope, type HistoryPoint } from '../../src/figures/history/figures-history.js';
import { streamOfEvent, type ProgrammeEvent } from '../../src/figures/programme-event.js';
import { figureProvenance, type Provenance } from '../../src/figures/provenance/figure-provenance.js';
import { YearlyFiguresModel, type FiguresPlace } from '../../src/figures/yearly-figures.model.js';
import { YearlyFiguresProjection } from '../../src/figures/yearly-figures.projection.js';
import { dumpReadModel } from '../../src/projections/read-model-dump.js';
import { ReadStore } from '../../src/projections/read-store.js';
import * as e from '../support/programme-events.js';
import { newProgrammeEvent } from '../support/log-builder.js';
import { programmeActivity } from '../support/programme-arbitraries.js';

/**
 * Time travel from the yearly snapshots against the reference: the log itself,
 * up to the point, counted from the start by a fresh model. Random logs over
 * two years, recording times that sometimes go back (a clock set right, an
 * entry made offline), snapshots every few journal rows, batches of random
 * sizes and a restart in the middle.
 */
const MDES = ['forest', 'uccle', 'jette'];
const PROJECTS = ['a', 'b', 'c'];
const PARTICIPANTS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const SESSIONS = ['s0', 's1', 's2', 's3', 's4', 's5', 's6'];
const YEARS = [2022, 2023];
const FIGURES = ['attendances', 'participants', 'participantsByRole.citizen', 'stages', 'stageSectors', 'sessions'];

const activity = fc.oneof(
  programmeActivity({ sessions: SESSIONS, projects: PROJECTS, participants: PARTICIPANTS, years: YEARS }),
  fc
    .record({
      project: fc.constantFrom(...PROJECTS),
      year: fc.constantFrom(...YEARS),
      count: fc.integer({ min: 1, max: 9 }),
    })
    .map(({ project, year, count }) => e.outreach(project, `o-${count}`, 'people', count, `${year}-09-01`)),
);

/** A session is held once, as its decider allows: a second SessionHeld of the same session is left out. */
const heldOnce = (events: readonly ProgrammeEvent[]): ProgrammeEvent[] => {
  const held = new Set<string>();
  return events.filter((event) => {
    if (event.type !== 'SessionHeld') return true;
    if (held.has(event.data.sessionId)) return false;
    held.add(event.data.sessionId);
    return true;
  });
};

const randomLog = fc.record({
  projects: fc.tuple(
    ...PROJECTS.map(() =>
      fc.record({ mdes: fc.subarray(MDES, { minLength: 1 }), year: fc.constantFrom(...YEARS), approved: fc.boolean() }),
    ),
  ),
  people: fc.tuple(
    ...PARTICIPANTS.map(() => fc.record({ role: fc.constantFrom('job-seeker', 'citizen'), registered: fc.boolean() })),
  ),
  activity: fc.array(activity, { minLength: 1, maxLength: 70 }),
  /** Minutes from one recording to the next: now and then back in time. */
  steps: fc.array(fc.integer({ min: -30, max: 60 }), { minLength: 70, maxLength: 70 }),
  snapshotEvery: fc.integer({ min: 1, max: 6 }),
  batches: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
  restartAt: fc.nat(),
});

type RandomLog = typeof randomLog extends fc.Arbitrary<infer T> ? T : never;

const START = Date.parse('2023-01-01T08:00:00.000Z');

/** The log as stored: the projects and registrations first, then the activity, its recording times drawn. */
function storedLog({ projects, people, activity: drawn, steps }: RandomLog): StoredEvent[] {
  const opening = [
    ...PROJECTS.flatMap((projectId, index) => {
      const { mdes, year, approved } = projects[index]!;
      return [e.submitted(projectId, { mdes, year }), approved ? e.approved(projectId) : e.rejected(projectId)];
    }),
    ...PARTICIPANTS.map((participantId, index) =>
      e.registered(participantId, people[index]!.role, people[index]!.registered),
    ),
  ];
  const activityEvents = heldOnce(drawn);
  let minutes = 0;
  return [...opening, ...activityEvents].map((event, index) => {
    if (index >= opening.length) minutes = Math.max(1, minutes + steps[index - opening.length]!);
    const recordedAt = new Date(START + minutes * 60_000).toISOString();
    return {
      ...newProgrammeEvent(event, recordedAt),
      stream: streamOfEvent(event),
      revision: 0n,
      position: BigInt(index + 1),
    };
  });
}

/** Fed as the runner feeds it, in batches, with a new instance loading the tables after `restartAt` batches. */
function project(log: readonly StoredEvent[], { snapshotEvery, batches, restartAt }: RandomLog): ReadStore {
  const readStore = new ReadStore(':memory:');
  const start = (): YearlyFiguresProjection => {
    const projection = YearlyFiguresProjection.snapshottingEvery(snapshotEvery);
    readStore.prepare(projection);
    projection.load(readStore.db);
    return projection;
  };
  let projection = start();
  let from = 0;
  for (let batch = 0; from < log.length; batch++) {
    if (batch === restartAt % batches.length) projection = start();
    const events = log.slice(from, from + batches[batch % batches.length]!);
    readStore.db.transaction(() => {
      projection.apply(events);
      readStore.saveCheckpoint(projection.name, { version: projection.version, position: events.at(-1)!.position });
    })();
    from += events.length;
  }
  return readStore;
}

const reached = (event: StoredEvent, point: HistoryPoint): boolean =>
  (point.atPosition === undefined || event.position <= point.atPosition) &&
  (point.asOf === undefined || event.metadata.recordedAt <= point.asOf);

/** The year each event is journalled under, if any: where a count of the whole log places it. */
function journalYears(log: readonly StoredEvent[]): Map<bigint, number> {
  const model = new YearlyFiguresModel();
  const years = new Map<bigint, number>();
  for (const event of log) {
    const place: FiguresPlace | null = model.apply(event as unknown as ProgrammeEvent);
    if (place) years.set(event.position, place.year);
  }
  return years;
}

/**
 * The reference: every event of the log up to the point, counted from the
 * start; and, by year, the last event journalled in it up to the point.
 */
function reference(log: readonly StoredEvent[], years: ReadonlyMap<bigint, number>, point: HistoryPoint) {
  const model = new YearlyFiguresModel();
  const last = new Map<number, bigint>();
  for (const event of log) {
    if (!reached(event, point)) continue;
    model.apply(event as unknown as ProgrammeEvent);
    const year = years.get(event.position);
    if (year !== undefined) last.set(year, event.position);
  }
  return { model, last };
}

/** What each correction of the year changed, counted from the log. */
function referenceCorrections(log: readonly StoredEvent[], year: number) {
  const model = new YearlyFiguresModel();
  const corrections: Array<{ position: string; changes: Record<string, number> }> = [];
  for (const event of log) {
    const changes: Record<string, number> = {};
    const place = model.apply(event as unknown as ProgrammeEvent, ({ scope, year: counted, key, delta }) => {
      if (counted === year) changes[`${scope}|${key}`] = (changes[`${scope}|${key}`] ?? 0) + delta;
    });
    const correction = event.type === 'SessionCancelled' || event.type === 'AttendanceRetracted';
    if (!correction || place?.year !== year) continue;
    const nonZero = Object.entries(changes).filter(([, delta]) => delta !== 0);
    corrections.push({ position: event.position.toString(), changes: Object.fromEntries(nonZero.sort()) });
  }
  return corrections;
}

const SCOPES: FiguresScope[] = [
  { kind: 'programme' },
  ...PROJECTS.map((projectId): FiguresScope => ({ kind: 'project', projectId })),
  ...MDES.map((mde): FiguresScope => ({ kind: 'mde', mde })),
];

function scopeKey(scope: FiguresScope): string {
  if (scope.kind === 'programme') return PROGRAMME;
  return scope.kind === 'project' ? projectScope(scope.projectId) : mdeScope(scope.mde);
}

/** The answer a figures query gives from a scope's counters. */
function answer(scope: FiguresScope, values: ReadonlyMap<string, number>) {
  return scope.kind === 'project' ? activityFigures(values) : programmeFigures(values);
}

/** A dozen positions, and recording times at and just before a dozen events', spread over the log. */
function pointsOf(log: readonly StoredEvent[]): HistoryPoint[] {
  const every = Math.ceil(log.length / 12);
  const sampled = log.filter((_, index) => index % every === every - 1 || index === log.length - 1);
  const justBefore = (at: string) => new Date(Date.parse(at) - 1).toISOString();
  return [
    ...sampled.map((event) => ({ atPosition: event.position })),
    ...sampled.flatMap(({ metadata: { recordedAt } }) => [{ asOf: recordedAt }, { asOf: justBefore(recordedAt) }]),
    { atPosition: sampled[Math.floor(sampled.length / 2)]!.position, asOf: sampled.at(-1)!.metadata.recordedAt },
    {},
  ];
}

/** The drawn log, projected; its history; the year each event is journalled under. */
function withProjected(
  drawn: RandomLog,
  check: (log: StoredEvent[], history: FiguresHistory, years: ReadonlyMap<bigint, number>) => void,
): void {
  const log = storedLog(drawn);
  const readStore = project(log, drawn);
  try {
    check(log, new FiguresHistory(readStore), journalYears(log));
  } finally {
    readStore.close();
  }
}

describe('time travel from the yearly snapshots', () => {
  it('answers, at every point of a random log, what a replay of the log from the start answers', () => {
    // And knows the latest recording time up to a position, as a report prints it.
    fc.assert(
      fc.property(randomLog, (drawn) =>
        withProjected(drawn, (log, history, years) => {
          for (const point of pointsOf(log)) {
            const expected = reference(log, years, point);
            for (const year of YEARS) {
              for (const scope of SCOPES) {
                const replay = history.replay(scope, year, point);
                const key = scopeKey(scope);
                expect({ point, year, key, figures: answer(scope, replay.model.figures(key, year)) }).toEqual({
                  point,
                  year,
                  key,
                  figures: answer(scope, expected.model.figures(key, year)),
                });
                if (scope.kind === 'programme') expect(replay.lastPosition).toBe(expected.last.get(year) ?? null);
              }
            }
            if (point.atPosition !== undefined && point.asOf === undefined) {
              const counting = log.filter((event) => years.has(event.position) && event.position <= point.atPosition!);
              const latest =
                counting
                  .map((event) => event.metadata.recordedAt)
                  .sort()
                  .at(-1) ?? null;
              expect(history.lastRecordedAt(point.atPosition)).toBe(latest);
            }
          }
        }),
      ),
      { seed: 20261129, numRuns: 100 },
    );
  });

  it('gives the provenance and the corrections of the reference', () => {
    fc.assert(
      fc.property(randomLog, (drawn) =>
        withProjected(drawn, (log, history, years) => {
          for (const point of pointsOf(log).filter((_, index) => index % 3 === 0)) {
            const expected = reference(log, years, point);
            for (const year of YEARS) {
              for (const key of FIGURES) {
                const figure = figureNamed(key, 'programme')!;
                const input = { scope: { kind: 'programme' } as const, year, point, figure, limit: 1000 };
                // Provenance replays on the calling thread, at once: its answer is no promise here.
                const provenance = figureProvenance.run({ history }, input) as Provenance;
                const value = expected.model.figures(PROGRAMME, year).get(key) ?? 0;
                expect({ point, year, key, value: provenance.value }).toEqual({
                  point,
                  year,
                  key,
                  value,
                });
              }
            }
          }
          for (const year of YEARS) {
            const corrections = (yearCorrections.run({ history }, { year }) as Correction[]).map(
              ({ position, changes }) => ({
                position,
                changes: Object.fromEntries(changes.map(({ scope, figure, delta }) => [`${scope}|${figure}`, delta])),
              }),
            );
            expect(corrections).toEqual(referenceCorrections(log, year));
          }
        }),
      ),
      { seed: 20261129, numRuns: 100 },
    );
  });

  it('counts on from a snapshot the attendees and sessions it holds, after a restart and in a replay', () => {
    // The random logs seldom touch, right after a snapshot, a session or a participant it holds.
    const events = [
      e.submitted('a', { mdes: ['forest'], year: 2022 }),
      e.approved('a'),
      e.registered('p0', 'citizen', true),
      e.registered('p1', 'job-seeker', false),
      e.held('s0', 'a', '2022-05-10'),
      e.attended('s0', 'p0'),
      e.attended('s0', 'p1'),
      // A snapshot at the year's fifth journal row. Then a participant it counts attends again, an
      // attendance it holds is recorded again and another retracted; a second snapshot at the tenth
      // row, and the session of the first is cancelled.
      e.held('s1', 'a', '2022-05-11'),
      e.attended('s1', 'p0'),
      e.attended('s0', 'p0'),
      e.retracted('s0', 'p1'),
      e.held('s2', 'a', '2022-05-12'),
      e.attended('s2', 'p1'),
      e.cancelled('s0'),
    ];
    const log = events.map((event, index) => ({
      ...newProgrammeEvent(event, new Date(START + index * 60_000).toISOString()),
      stream: streamOfEvent(event),
      revision: 0n,
      position: BigInt(index + 1),
    }));
    const years = journalYears(log);
    const storedFigures = (readStore: ReadStore, key: string) =>
      new Map(
        readStore.db.prepare('SELECT key, value FROM figures WHERE scope = ? AND year = 2022').raw().all(key) as Array<
          [string, number]
        >,
      );
    // After each event: the read model restarted after the seventh, and replays up to it.
    for (let upTo = 8; upTo <= log.length; upTo++) {
      const expected = reference(log, years, { atPosition: BigInt(upTo) }).model;
      const readStore = project(log.slice(0, upTo), { snapshotEvery: 5, batches: [7, 1], restartAt: 1 } as RandomLog);
      try {
        const history = new FiguresHistory(readStore);
        for (const scope of SCOPES) {
          const key = scopeKey(scope);
          const replayed = history.replay(scope, 2022, { atPosition: BigInt(upTo) }).model.figures(key, 2022);
          const want = answer(scope, expected.figures(key, 2022));
          expect({
            upTo,
            key,
            stored: answer(scope, storedFigures(readStore, key)),
            replayed: answer(scope, replayed),
          }).toEqual({ upTo, key, stored: want, replayed: want });
        }
        if (upTo === log.length) {
          expect(readStore.db.prepare('SELECT position FROM figures_snapshots').pluck().all()).toEqual([7, 12]);
        }
      } finally {
        readStore.close();
      }
    }
  });

  it('restores, after a restart at any batch, the same read model and snapshots as an uninterrupted run', () => {
    fc.assert(
      fc.property(randomLog, (drawn) => {
        const log = storedLog(drawn);
        const projection = YearlyFiguresProjection.snapshottingEvery(drawn.snapshotEvery);
        const dump = (readStore: ReadStore) => {
          try {
            return dumpReadModel(readStore.db, projection);
          } finally {
            readStore.close();
          }
        };
        const uninterrupted = dump(project(log, { ...drawn, batches: [log.length], restartAt: 1 }));
        expect(dump(project(log, drawn))).toEqual(uninterrupted);
      }),
      { seed: 20261129, numRuns: 100 },
    );
  });
});
