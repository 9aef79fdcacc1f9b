import type { DistinctDimension, FiguresState, ProjectInfo } from './figures-state.js';

/** A session as a snapshot keeps it: id, project, kind, cancelled, and its attendees as indexes into `participants`. */
type SnapshotSession = [sessionId: string, projectId: string, kind: string, cancelled: 0 | 1, attendees: number[]];

/**
 * A scope's counters (zeros included, as the model holds them), the sectors and
 * companies it counted, and the participants it counts with their counted
 * attendances there: pairs of an index into `participants` and a count, flat.
 */
type SnapshotScope = [
  scope: string,
  values: Array<[key: string, value: number]>,
  sectors: string[],
  companies: string[],
  participantRefs: number[],
];

/**
 * What the figures model knows of one year, as plain data: the projects of the
 * year, its sessions with their attendees, and the counters, distinct values
 * and participants counted of every scope in it. Everything the year's journal
 * up to the snapshot's position made of the model, so that a replay can start
 * from it.
 *
 * Sorted, so that the same state always gives the same text: a rebuild and
 * the service, whatever their batches, write the same snapshots
 * (`indicators verify` compares them).
 */
export interface YearSnapshot {
  readonly projects: ProjectInfo[];
  /** Each attendee once: the sessions name them by their index here. */
  readonly participants: string[];
  readonly sessions: SnapshotSession[];
  readonly scopes: SnapshotScope[];
}

const byFirst = <T extends readonly [string, ...unknown[]]>(a: T, b: T): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
const sorted = (values: Iterable<string>): string[] => [...values].sort();

export function snapshotOfYear(state: FiguresState, year: number): YearSnapshot {
  const projects = [...state.projects.values()]
    .filter((project) => project.year === year)
    .sort((a, b) => (a.projectId < b.projectId ? -1 : 1))
    .map((project) => ({ ...project }));
  const sessions = [...state.sessions.values()].filter((session) => session.year === year);
  const participants = sorted(new Set(sessions.flatMap((session) => [...session.attendees])));
  const index = new Map(participants.map((participantId, at) => [participantId, at]));
  const distinct = (values: ReadonlyMap<DistinctDimension, Set<string>>, dimension: DistinctDimension) =>
    sorted(values.get(dimension) ?? []);
  return {
    projects,
    participants,
    sessions: sessions
      .map((session): SnapshotSession => {
        const attendees = [...session.attendees].map((participantId) => index.get(participantId)!);
        return [
          session.sessionId,
          session.projectId,
          session.kind,
          session.cancelled ? 1 : 0,
          attendees.sort((a, b) => a - b),
        ];
      })
      .sort(byFirst),
    scopes: [...state.scopeYearsOf(year)]
      .filter((figures) => figures.values.size > 0 || figures.distinct.size > 0)
      .map((figures): SnapshotScope => [
        figures.scope,
        [...figures.values].sort(byFirst),
        distinct(figures.distinct, 'sector'),
        distinct(figures.distinct, 'company'),
        refsOf(figures.participantRefs, participants, index),
      ])
      .sort(byFirst),
  };
}

/** A scope's participants and counts as flat pairs, by index: sorted without an array a pair. */
function refsOf(
  refs: ReadonlyMap<string, number>,
  participants: readonly string[],
  index: ReadonlyMap<string, number>,
): number[] {
  const indexes = Int32Array.from(refs.keys(), (participantId) => index.get(participantId)!).sort();
  const pairs: number[] = [];
  for (const at of indexes) pairs.push(at, refs.get(participants[at]!)!);
  return pairs;
}

/**
 * Puts a year's snapshot into a state. A session's attendees are made into a
 * set only when an event of the session needs them: a replay from a snapshot
 * touches few of the year's sessions, and building a set for each was a third
 * of a programme replay on the bench's log (docs/performance.md).
 */
export function restoreYear(state: FiguresState, year: number, snapshot: YearSnapshot): void {
  for (const project of snapshot.projects) state.addProject({ ...project });
  const participants = snapshot.participants.map((participantId) => state.participantIdOf(participantId));
  for (const [sessionId, projectId, kind, cancelled, attendees] of snapshot.sessions) {
    state.restoreSession({ sessionId, projectId, year, kind, cancelled: cancelled === 1 }, () =>
      attendees.map((at) => participants[at]!),
    );
  }
  for (const [scope, values, sectors, companies, participantRefs] of snapshot.scopes) {
    const figures = state.scopeYear(scope, year);
    for (const [key, value] of values) figures.values.set(key, value);
    for (const sector of sectors) state.addDistinct(figures, 'sector', sector);
    for (const company of companies) state.addDistinct(figures, 'company', company);
    for (let at = 0; at < participantRefs.length; at += 2) {
      figures.participantRefs.set(participants[participantRefs[at]!]!, participantRefs[at + 1]!);
    }
  }
}
