import { yearOf } from '../shared/domain/calendar.js';
import { assertNever } from '../shared/domain/decider.js';
import { FIGURE, PROGRAMME, mdeScope, projectScope, type FigureValues } from './figure-keys.js';
import type { ProgrammeEvent } from './programme-event.js';

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

/**
 * Told of every counter change. `item` names the contribution that came or
 * went (`session|s-1`, `attendance|s-1|p-7`, `stage|p-7|st-1|horeca|c-12`…);
 * the distinct counts (participants, sectors, companies) carry none: they are
 * derived from the attendances and stages that make them up.
 */
export type CountObserver = (scope: string, year: number, key: string, delta: number, item?: string) => void;

/** Where an event belongs in the figures: the year and the project it counts for. */
export interface FiguresPlace {
  readonly year: number;
  readonly projectId: string;
}

/** The counters of one scope in one year, and the participants counted in them. */
export interface ScopeYearFigures {
  readonly scope: string;
  readonly year: number;
  readonly values: Map<string, number>;
  /** Each participant counted here, with the number of counted attendances that make them count. */
  readonly participantRefs: Map<string, number>;
  /** The keys changed since the last drain, when changes are tracked. */
  changed: Set<string> | undefined;
}

/** What changed since the last drain, for the projection to write. */
export class ModelChanges {
  /** The scopes and years with changed counters; each names its changed keys. */
  readonly counters = new Set<ScopeYearFigures>();
  readonly projects = new Set<string>();
  readonly sessions = new Set<string>();
  /** By session: each participant whose attendance changed → whether it now counts as recorded. */
  readonly attendees = new Map<string, Map<string, boolean>>();
  readonly participants = new Set<string>();
  readonly distinctValues: Array<{ scope: string; year: number; dimension: DistinctDimension; value: string }> = [];

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

/**
 * The yearly figures of spec/domain.md, computed from the events, in memory.
 *
 * A figure belongs to the year of its business date (a session's date, an
 * outreach's date, a stage's start date, an outcome's date; a project's year for
 * project counts), so an event recorded late still counts in its year. Cancelled
 * sessions and retracted attendances count nowhere. Participants are distinct
 * within each project, MDE and the programme, by year.
 *
 * Pure: no clock, no storage. The projection persists it; audits replay it.
 */
export class YearlyFiguresModel {
  readonly changes = new ModelChanges();
  private readonly projects = new Map<string, ProjectInfo>();
  private readonly sessions = new Map<string, SessionInfo>();
  private readonly participants = new Map<string, ParticipantInfo>();
  /**
   * One string a participant id: each attendance's event brings its own copy,
   * which the attendee sets and distinct counts would otherwise keep, one per
   * attendance (885,000 strings for 86,000 participants on the bench's log).
   */
  private readonly participantIds = new Map<string, string>();
  /** By `scope|year`. */
  private readonly scopeYears = new Map<string, ScopeYearFigures>();
  private readonly distinctValues = new Map<string, Set<string>>();
  private readonly scopesOfProject = new Map<string, readonly string[]>();
  /** The figures an activity of a project counts in, by project and year: an attendance looks up nothing else. */
  private readonly activityFiguresOfProject = new Map<string, Map<number, readonly ScopeYearFigures[]>>();

  constructor(
    private readonly trackChanges = true,
    private readonly directory?: FiguresDirectory,
    private readonly observer?: CountObserver,
  ) {}

  /**
   * The year and project an event counts for, or null for the events that
   * count nowhere by themselves (registrations, narratives).
   */
  placeOf(event: ProgrammeEvent): FiguresPlace | null {
    switch (event.type) {
      case 'ProjectSubmitted':
        return { year: event.data.year, projectId: event.data.projectId };
      case 'ProjectApproved':
      case 'ProjectRejected': {
        const project = this.projects.get(event.data.projectId);
        return project ? { year: project.year, projectId: project.projectId } : null;
      }
      case 'OutreachRecorded':
      case 'OutcomeRecorded':
        return { year: yearOf(event.data.date), projectId: event.data.projectId };
      case 'StageObtained':
        return { year: yearOf(event.data.startDate), projectId: event.data.projectId };
      case 'SessionHeld':
        return { year: yearOf(event.data.date), projectId: event.data.projectId };
      case 'SessionCancelled':
      case 'ParticipantAttended':
      case 'AttendanceRetracted': {
        const session = this.sessions.get(event.data.sessionId);
        return session ? { year: session.year, projectId: session.projectId } : null;
      }
      case 'ParticipantRegistered':
      case 'ProjectNarrativeWritten':
        return null;
      default:
        return assertNever(event);
    }
  }

  apply(event: ProgrammeEvent): void {
    switch (event.type) {
      case 'ProjectSubmitted': {
        const { data } = event;
        if (this.projects.has(data.projectId)) return;
        const project: ProjectInfo = {
          projectId: data.projectId,
          year: data.year,
          mdes: data.mdes,
          carrierType: data.carrier.type,
          audience: data.audience,
          targetsPartners: data.targetsPartners,
          kind: data.kind,
          theme: data.theme ?? null,
          status: 'submitted',
        };
        this.projects.set(data.projectId, project);
        this.forgetScopes(data.projectId);
        this.changed('projects', data.projectId);
        this.countProject(project, 'submitted');
        return;
      }
      case 'ProjectApproved':
      case 'ProjectRejected': {
        const project = this.projects.get(event.data.projectId);
        if (!project || project.status !== 'submitted') return;
        project.status = event.type === 'ProjectApproved' ? 'approved' : 'rejected';
        this.changed('projects', project.projectId);
        if (project.status === 'approved') this.countProject(project, 'approved');
        else {
          for (const scope of this.programmeScopes(project)) {
            this.add(scope, project.year, FIGURE.projectsRejected, 1, `project|${project.projectId}`);
          }
        }
        return;
      }
      case 'OutreachRecorded': {
        const { data } = event;
        for (const scope of this.activityScopes(data.projectId)) {
          const item = `outreach|${data.projectId}|${data.outreachId}`;
          this.add(scope, yearOf(data.date), FIGURE.outreach(data.audience), data.count, item);
        }
        return;
      }
      case 'ProjectNarrativeWritten':
        return;
      case 'SessionHeld': {
        const { data } = event;
        if (this.sessions.has(data.sessionId)) return;
        const session: SessionInfo = {
          sessionId: data.sessionId,
          projectId: data.projectId,
          year: yearOf(data.date),
          kind: data.kind,
          cancelled: false,
          attendees: new Set(),
        };
        this.sessions.set(data.sessionId, session);
        this.changed('sessions', data.sessionId);
        this.countSession(session, 1);
        return;
      }
      case 'SessionCancelled': {
        const session = this.sessions.get(event.data.sessionId);
        if (!session || session.cancelled) return;
        this.countSession(session, -1);
        for (const participantId of session.attendees) this.countAttendance(session, participantId, -1);
        session.cancelled = true;
        this.changed('sessions', session.sessionId);
        return;
      }
      case 'ParticipantAttended': {
        const session = this.sessions.get(event.data.sessionId);
        const participantId = this.participantIdOf(event.data.participantId);
        if (!session || session.attendees.has(participantId)) return;
        session.attendees.add(participantId);
        this.attendeeChanged(session.sessionId, participantId, true);
        if (!session.cancelled) this.countAttendance(session, participantId, 1);
        return;
      }
      case 'AttendanceRetracted': {
        const session = this.sessions.get(event.data.sessionId);
        const { participantId } = event.data;
        if (!session?.attendees.delete(participantId)) return;
        this.attendeeChanged(session.sessionId, participantId, false);
        if (!session.cancelled) this.countAttendance(session, participantId, -1);
        return;
      }
      case 'ParticipantRegistered': {
        const { data } = event;
        // A registration is immutable; attendance needs it first (spec/domain.md).
        if (this.participants.has(data.participantId)) return;
        this.participants.set(data.participantId, { role: data.role, registered: data.registeredJobSeeker });
        this.changed('participants', data.participantId);
        return;
      }
      case 'StageObtained': {
        const { data } = event;
        const year = yearOf(data.startDate);
        const sector = normaliseSector(data.sector);
        // Distinct within the project; an MDE's and the programme's are the sums of their projects'.
        const scopes = this.activityScopes(data.projectId);
        const newSector = this.addDistinct(scopes[0]!, year, 'sector', sector);
        const newCompany = this.addDistinct(scopes[0]!, year, 'company', data.companyId);
        const item = `stage|${data.participantId}|${data.stageId}|${sector}|${data.companyId}`;
        for (const scope of scopes) {
          this.add(scope, year, FIGURE.stages, 1, item);
          if (newSector) this.add(scope, year, FIGURE.stageSectors, 1);
          if (newCompany) this.add(scope, year, FIGURE.stageCompanies, 1);
        }
        return;
      }
      case 'OutcomeRecorded': {
        const { data } = event;
        for (const scope of this.activityScopes(data.projectId)) {
          const item = `outcome|${data.participantId}|${data.outcomeId}`;
          this.add(scope, yearOf(data.date), FIGURE.outcomes(data.type), 1, item);
        }
        return;
      }
      default:
        assertNever(event);
    }
  }

  /** The counters of a scope and year (keys absent are zero). */
  figures(scope: string, year: number): FigureValues {
    return this.scopeYears.get(scopeYear(scope, year))?.values ?? new Map();
  }

  project(projectId: string): ProjectInfo | undefined {
    return this.projects.get(projectId);
  }

  session(sessionId: string): SessionInfo | undefined {
    return this.sessions.get(sessionId);
  }

  participant(participantId: string): ParticipantInfo | undefined {
    return this.participants.get(participantId) ?? this.directory?.participant(participantId);
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

  /** Loading a persisted model: facts first, then `recountDistinctParticipants`. */
  restoreProject(project: ProjectInfo): void {
    this.projects.set(project.projectId, project);
    this.forgetScopes(project.projectId);
  }

  restoreSession(session: Omit<SessionInfo, 'attendees'>): void {
    this.sessions.set(session.sessionId, { ...session, attendees: new Set() });
  }

  restoreAttendee(sessionId: string, participantId: string): void {
    this.sessions.get(sessionId)?.attendees.add(this.participantIdOf(participantId));
  }

  restoreParticipant(participantId: string, participant: ParticipantInfo): void {
    this.participants.set(participantId, participant);
  }

  restoreDistinctValue(scope: string, year: number, dimension: DistinctDimension, value: string): void {
    this.distinctSet(scope, year, dimension).add(value);
  }

  restoreCounter(scope: string, year: number, key: string, value: number): void {
    this.scopeYear(scope, year).values.set(key, value);
  }

  /** Rebuilds the distinct-participant reference counts from the restored attendances. */
  recountDistinctParticipants(): void {
    for (const figures of this.scopeYears.values()) figures.participantRefs.clear();
    for (const session of this.sessions.values()) {
      if (session.cancelled) continue;
      for (const participantId of session.attendees) {
        for (const { participantRefs } of this.activityFigures(session.projectId, session.year)) {
          participantRefs.set(participantId, (participantRefs.get(participantId) ?? 0) + 1);
        }
      }
    }
  }

  private programmeScopes(project: ProjectInfo | undefined): readonly string[] {
    return [PROGRAMME, ...(project?.mdes ?? []).map(mdeScope)];
  }

  private countProject(project: ProjectInfo, stage: 'submitted' | 'approved'): void {
    const keys = FIGURE.projects(stage);
    const item = `project|${project.projectId}`;
    for (const scope of this.programmeScopes(project)) {
      this.add(scope, project.year, keys.count, 1, item);
      this.add(scope, project.year, keys.byCarrierType(project.carrierType), 1, item);
      this.add(scope, project.year, keys.byAudience(project.audience), 1, item);
      this.add(scope, project.year, keys.byKind(project.kind), 1, item);
      if (project.targetsPartners) this.add(scope, project.year, keys.targetsPartners, 1, item);
      if (project.theme) this.add(scope, project.year, keys.byTheme(project.theme), 1, item);
    }
  }

  private countSession(session: SessionInfo, delta: 1 | -1): void {
    const byKind = FIGURE.sessionsByKind(session.kind);
    const item = `session|${session.sessionId}`;
    for (const figures of this.activityFigures(session.projectId, session.year)) {
      this.bump(figures, FIGURE.sessions, delta, item);
      this.bump(figures, byKind, delta, item);
    }
  }

  private participantIdOf(participantId: string): string {
    const known = this.participantIds.get(participantId);
    if (known !== undefined) return known;
    this.participantIds.set(participantId, participantId);
    return participantId;
  }

  /**
   * Participants are distinct in each scope (a project, an MDE, the programme);
   * the by-role and not-registered counts of an MDE or of the programme are the
   * sums of its projects' (spec/domain.md: "the per-project figures summed,
   * except participants"), so they follow the project's distinct set. The
   * project's figures come first in `activityFigures`.
   */
  private countAttendance(session: SessionInfo, participantId: string, delta: 1 | -1): void {
    const participant = this.participant(participantId);
    const byRole = participant && FIGURE.participantsByRole(participant.role);
    const item = this.observer && `attendance|${session.sessionId}|${participantId}`;
    const scopes = this.activityFigures(session.projectId, session.year);
    let projectChanged = false;
    for (let index = 0; index < scopes.length; index++) {
      const figures = scopes[index]!;
      this.bump(figures, FIGURE.attendances, delta, item);
      const refs = figures.participantRefs;
      const before = refs.get(participantId) ?? 0;
      const after = before + delta;
      if (after === 0) refs.delete(participantId);
      else refs.set(participantId, after);
      // Whether the participant entered or left this scope's distinct set.
      const changed = before === 0 || after === 0;
      if (index === 0) projectChanged = changed;
      if (changed) this.bump(figures, FIGURE.participants, delta);
      if (!projectChanged || !participant || !byRole) continue;
      this.bump(figures, byRole, delta);
      if (!participant.registered) this.bump(figures, FIGURE.notRegisteredJobSeekers, delta);
    }
  }

  private add(scope: string, year: number, key: string, delta: number, item?: string): void {
    this.bump(this.scopeYear(scope, year), key, delta, item);
  }

  private bump(figures: ScopeYearFigures, key: string, delta: number, item?: string): void {
    figures.values.set(key, (figures.values.get(key) ?? 0) + delta);
    this.observer?.(figures.scope, figures.year, key, delta, item);
    if (!this.trackChanges) return;
    if (figures.changed === undefined) {
      figures.changed = new Set();
      this.changes.counters.add(figures);
    }
    figures.changed.add(key);
  }

  /** The figures of the project's activity scopes in a year. */
  private activityFigures(projectId: string, year: number): readonly ScopeYearFigures[] {
    const byYear = entry(
      this.activityFiguresOfProject,
      projectId,
      () => new Map<number, readonly ScopeYearFigures[]>(),
    );
    return entry(byYear, year, () => this.activityScopes(projectId).map((scope) => this.scopeYear(scope, year)));
  }

  private forgetScopes(projectId: string): void {
    this.scopesOfProject.delete(projectId);
    this.activityFiguresOfProject.delete(projectId);
  }

  private addDistinct(scope: string, year: number, dimension: DistinctDimension, value: string): boolean {
    const values = this.distinctSet(scope, year, dimension);
    if (values.has(value)) return false;
    values.add(value);
    if (this.trackChanges) this.changes.distinctValues.push({ scope, year, dimension, value });
    return true;
  }

  private changed(kind: 'projects' | 'sessions' | 'participants', id: string): void {
    if (this.trackChanges) this.changes[kind].add(id);
  }

  private attendeeChanged(sessionId: string, participantId: string, present: boolean): void {
    if (this.trackChanges)
      entry(this.changes.attendees, sessionId, () => new Map<string, boolean>()).set(participantId, present);
  }

  private scopeYear(scope: string, year: number): ScopeYearFigures {
    return entry(this.scopeYears, scopeYear(scope, year), () => ({
      scope,
      year,
      values: new Map<string, number>(),
      participantRefs: new Map<string, number>(),
      changed: undefined,
    }));
  }

  private distinctSet(scope: string, year: number, dimension: DistinctDimension): Set<string> {
    return entry(this.distinctValues, `${scope}|${year}|${dimension}`, () => new Set<string>());
  }
}

const scopeYear = (scope: string, year: number): string => `${scope}|${year}`;

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** "Horeca" and " horeca" are one sector. */
export const normaliseSector = (sector: string): string => sector.normalize('NFC').trim().toLocaleLowerCase('fr');
