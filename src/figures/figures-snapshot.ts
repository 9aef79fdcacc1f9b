import type { DistinctDimension, FiguresState, ProjectInfo } from './figures-state.js';

/** A session as a snapshot keeps it: id, project, kind, cancelled, and its attendees as indexes into `participants`. */
type SnapshotSession = [sessionId: string, projectId: string, kind: string, cancelled: 0 | 1, attendees: number[]];

/** A scope's counters (zeros included, as the model holds them) and the sectors and companies it counted. */
type SnapshotScope = [
  scope: string,
  values: Array<[key: string, value: number]>,
  sectors: string[],
  companies: string[],
];

/**
 * What the figures model knows of one year, as plain data: the projects of the
 * year, its sessions with their attendees, and the counters and distinct
 * values of every scope in it. Everything the year's journal up to the
 * snapshot's position made of the model, so that a replay can start from it.
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
      ])
      .sort(byFirst),
  };
}

/**
 * Puts a year's snapshot into a state. Once every year wanted is restored,
 * `recountDistinctParticipants` derives who counts in each scope.
 */
export function restoreYear(state: FiguresState, year: number, snapshot: YearSnapshot): void {
  for (const project of snapshot.projects) state.addProject({ ...project });
  const participants = snapshot.participants.map((participantId) => state.participantIdOf(participantId));
  for (const [sessionId, projectId, kind, cancelled, attendees] of snapshot.sessions) {
    const attending = attendees.map((at) => participants[at]!);
    state.restoreSession({ sessionId, projectId, year, kind, cancelled: cancelled === 1 }, attending);
  }
  for (const [scope, values, sectors, companies] of snapshot.scopes) {
    const figures = state.scopeYear(scope, year);
    for (const [key, value] of values) figures.values.set(key, value);
    for (const sector of sectors) state.addDistinct(figures, 'sector', sector);
    for (const company of companies) state.addDistinct(figures, 'company', company);
  }
}
