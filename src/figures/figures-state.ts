import { PROGRAMME, mdeScope, projectScope, type FigureValues } from './figure-keys.js';

export interface ProjectInfo {
  readonly projectId: string;
  readonly year: number;
  readonly mdes: readonly string[];
  readonly carrierType: string;
  readonly audience: string;
  readonly targetsPartners: boolean;
  readonly kind: string;
  readonly theme: string | null;
  status: 'submitted' | 'approved' | 'rejected';
}

export interface SessionInfo {
  readonly sessionId: string;
  readonly projectId: string;
  readonly year: number;
  readonly kind: string;
  cancelled: boolean;
  /** Participants with a recorded, not retracted, attendance. */
  readonly attendees: Set<string>;
}

export interface ParticipantInfo {
  readonly role: string;
  readonly registered: boolean;
}

export type DistinctDimension = 'sector' | 'company';

/**
 * Facts that never change once recorded (a project's MDEs, a participant's
 * role), for a model that replays only part of the log: one year, one project.
 */
export interface FiguresDirectory {
  projectMdes(projectId: string): readonly string[] | undefined;
  participant(participantId: string): ParticipantInfo | undefined;
}

/** The counters of one scope in one year, and the participants counted in them. */
export interface ScopeYearFigures {
  readonly scope: string;
  readonly year: number;
  readonly values: Map<string, number>;
  /** Each participant counted here, with the number of counted attendances that make them count. */
  readonly participantRefs: Map<string, number>;
  /** The sectors and companies already counted here. */
  readonly distinct: Map<DistinctDimension, Set<string>>;
  /** The keys changed since the last drain, when changes are tracked. */
  changed: Set<string> | undefined;
}

/**
 * What the figures model knows: the facts it counts from (projects, sessions
 * and their attendees, participants), the counters of each scope and year, and
 * the distinct values already counted. The projection restores it from its
 * snapshots after a restart (figures-snapshot.ts); the counting rules are in
 * yearly-figures.model.ts.
 */
export class FiguresState {
  readonly projects = new Map<string, ProjectInfo>();
  readonly sessions = new Map<string, SessionInfo>();
  private readonly participants = new Map<string, ParticipantInfo>();
  /**
   * One string a participant id: each attendance's event brings its own copy,
   * which the attendee sets and distinct counts would otherwise keep, one per
   * attendance (885,000 strings for 86,000 participants on the bench's log).
   */
  private readonly participantIds = new Map<string, string>();
  /** By `scope|year`. */
  private readonly scopeYears = new Map<string, ScopeYearFigures>();
  private readonly scopesOfProject = new Map<string, readonly string[]>();
  /** The figures an activity of a project counts in, by project and year: an attendance looks up nothing else. */
  private readonly activityFiguresOfProject = new Map<string, Map<number, readonly ScopeYearFigures[]>>();

  constructor(private readonly directory?: FiguresDirectory) {}

  /** The counters of a scope and year (keys absent are zero). */
  figures(scope: string, year: number): FigureValues {
    return this.scopeYears.get(scopeYearKey(scope, year))?.values ?? new Map();
  }

  participant(participantId: string): ParticipantInfo | undefined {
    return this.participants.get(participantId) ?? this.directory?.participant(participantId);
  }

  /** Whether the participant's registration is in this state (not only in the directory). */
  hasParticipant(participantId: string): boolean {
    return this.participants.has(participantId);
  }

  /** The one string kept for a participant id. */
  participantIdOf(participantId: string): string {
    const known = this.participantIds.get(participantId);
    if (known !== undefined) return known;
    this.participantIds.set(participantId, participantId);
    return participantId;
  }

  /** Scopes an activity of the project counts in: the project (first), the programme, each of its MDEs. */
  activityScopes(projectId: string): readonly string[] {
    let scopes = this.scopesOfProject.get(projectId);
    if (!scopes) {
      const mdes = this.projects.get(projectId)?.mdes ?? this.directory?.projectMdes(projectId) ?? [];
      scopes = [projectScope(projectId), PROGRAMME, ...mdes.map(mdeScope)];
      this.scopesOfProject.set(projectId, scopes);
    }
    return scopes;
  }

  /** The figures of the project's activity scopes in a year, the project's first. */
  activityFigures(projectId: string, year: number): readonly ScopeYearFigures[] {
    const byYear = entry(
      this.activityFiguresOfProject,
      projectId,
      () => new Map<number, readonly ScopeYearFigures[]>(),
    );
    return entry(byYear, year, () => this.activityScopes(projectId).map((scope) => this.scopeYear(scope, year)));
  }

  /** The figures a project counts in (as a project): the programme's and its MDEs', in its year. */
  projectCountFigures(project: ProjectInfo): ScopeYearFigures[] {
    return [PROGRAMME, ...project.mdes.map(mdeScope)].map((scope) => this.scopeYear(scope, project.year));
  }

  scopeYear(scope: string, year: number): ScopeYearFigures {
    return entry(this.scopeYears, scopeYearKey(scope, year), () => ({
      scope,
      year,
      values: new Map<string, number>(),
      participantRefs: new Map<string, number>(),
      distinct: new Map<DistinctDimension, Set<string>>(),
      changed: undefined,
    }));
  }

  /** The counters of every scope in a year. */
  *scopeYearsOf(year: number): Iterable<ScopeYearFigures> {
    for (const figures of this.scopeYears.values()) if (figures.year === year) yield figures;
  }

  /** Adds a distinct value to a scope's set; false when it was already there. */
  addDistinct(figures: ScopeYearFigures, dimension: DistinctDimension, value: string): boolean {
    const values = entry(figures.distinct, dimension, () => new Set<string>());
    if (values.has(value)) return false;
    values.add(value);
    return true;
  }

  addProject(project: ProjectInfo): void {
    this.projects.set(project.projectId, project);
    this.scopesOfProject.delete(project.projectId);
    this.activityFiguresOfProject.delete(project.projectId);
  }

  addParticipant(participantId: string, participant: ParticipantInfo): void {
    this.participants.set(participantId, participant);
  }

  /** Restoring a snapshot: the session's attendees are read from it the first time they are needed. */
  restoreSession(session: Omit<SessionInfo, 'attendees'>, attendees: () => Iterable<string>): void {
    let attending: Set<string> | undefined;
    this.sessions.set(session.sessionId, {
      ...session,
      get attendees() {
        return (attending ??= new Set(attendees()));
      },
    });
  }
}

const scopeYearKey = (scope: string, year: number): string => `${scope}|${year}`;

/** The value kept under `key`, made by `create` and kept when missing. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
