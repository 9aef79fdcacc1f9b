import { yearOf } from '../shared/domain/calendar.js';
import { assertNever } from '../shared/domain/decider.js';
import { activityKey, projectKey, REJECTED_PROJECTS, type ProjectStage } from './figure-definitions.js';
import type { FigureValues } from './figure-keys.js';
import type { FiguresChanges } from './figures-changes.js';
import {
  FiguresState,
  type ParticipantInfo,
  type ProjectInfo,
  type ScopeYearFigures,
  type SessionInfo,
} from './figures-state.js';
import type { ProgrammeEvent } from './programme-event.js';
import { addTo } from '../shared/counts.js';

/**
 * What a counted event brings to a figure: `id` names it (`attendance|s-1|p-7`,
 * `stage|p-7|st-1`…) so that its withdrawal can be matched; the participant,
 * sector or company are what the distinct counts made of it count.
 */
export interface Contribution {
  readonly id: string;
  readonly participant?: string;
  readonly sector?: string;
  readonly company?: string;
}

/**
 * One counter change. A distinct count's own changes carry no contribution:
 * they follow from the attendances and stages that make it up.
 */
export interface CountChange {
  readonly scope: string;
  readonly year: number;
  readonly key: string;
  readonly delta: number;
  readonly contribution?: Contribution;
}

export type CountObserver = (change: CountChange) => void;

/** Where an event belongs in the figures: the year and the project it counts for. */
export interface FiguresPlace {
  readonly year: number;
  readonly projectId: string;
}

/**
 * The counting rules of the yearly figures (docs/domain.md, "Figures"; each
 * figure is defined in figure-definitions.ts), applied to the events in memory.
 *
 * A figure belongs to the year of its business date (a session's date, an
 * outreach's date, a stage's start date, an outcome's date; a project's year for
 * project counts), so an event recorded late still counts in its year. Cancelled
 * sessions and retracted attendances count nowhere. Distinct counts are distinct
 * within each scope (a project, an MDE, the programme); every other figure of an
 * MDE or of the programme is the sum of its projects'.
 *
 * Pure: no clock, no storage. The projection persists it; audits replay it.
 */
export class YearlyFiguresModel {
  private observer: CountObserver | undefined;

  constructor(
    readonly state: FiguresState = new FiguresState(),
    /** Told what changed, for the projection to write; a replay keeps nothing. */
    private readonly changes?: FiguresChanges,
  ) {}

  /**
   * Counts an event, telling `observe` of each counter it changes. Returns the
   * year and project it counts for, or null for the events that count nowhere
   * by themselves (registrations, narratives).
   */
  apply(event: ProgrammeEvent, observe?: CountObserver): FiguresPlace | null {
    this.observer = observe;
    try {
      return this.count(event);
    } finally {
      this.observer = undefined;
    }
  }

  figures(scope: string, year: number): FigureValues {
    return this.state.figures(scope, year);
  }

  participant(participantId: string): ParticipantInfo | undefined {
    return this.state.participant(participantId);
  }

  private count(event: ProgrammeEvent): FiguresPlace | null {
    const { state } = this;
    switch (event.type) {
      case 'ProjectSubmitted': {
        const { data } = event;
        const place = { year: data.year, projectId: data.projectId };
        if (state.projects.has(data.projectId)) return place;
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
        state.addProject(project);
        this.changes?.projects.add(data.projectId);
        this.countProject(project, 'submitted');
        return place;
      }
      case 'ProjectApproved':
      case 'ProjectRejected': {
        const project = state.projects.get(event.data.projectId);
        if (!project) return null;
        const place = { year: project.year, projectId: project.projectId };
        if (project.status !== 'submitted') return place;
        project.status = event.type === 'ProjectApproved' ? 'approved' : 'rejected';
        this.changes?.projects.add(project.projectId);
        if (project.status === 'approved') this.countProject(project, 'approved');
        else {
          const contribution = { id: `project|${project.projectId}` };
          for (const figures of state.projectCountFigures(project)) {
            this.bump(figures, REJECTED_PROJECTS.key, 1, contribution);
          }
        }
        return place;
      }
      case 'OutreachRecorded': {
        const { data } = event;
        const contribution = this.observer && { id: `outreach|${data.projectId}|${data.outreachId}` };
        return this.countEntry(data, activityKey('outreach', data.audience), data.count, contribution);
      }
      case 'SessionHeld': {
        const { data } = event;
        const place = { year: yearOf(data.date), projectId: data.projectId };
        if (state.sessions.has(data.sessionId)) return place;
        const session: SessionInfo = {
          sessionId: data.sessionId,
          projectId: data.projectId,
          year: place.year,
          kind: data.kind,
          cancelled: false,
          attendees: new Set(),
        };
        state.sessions.set(data.sessionId, session);
        this.countSession(session, 1);
        return place;
      }
      case 'SessionCancelled': {
        const session = state.sessions.get(event.data.sessionId);
        if (!session) return null;
        if (session.cancelled) return placeOf(session);
        this.countSession(session, -1);
        for (const participantId of session.attendees) this.countAttendance(session, participantId, -1);
        session.cancelled = true;
        return placeOf(session);
      }
      case 'ParticipantAttended': {
        const session = state.sessions.get(event.data.sessionId);
        if (!session) return null;
        const participantId = state.participantIdOf(event.data.participantId);
        if (session.attendees.has(participantId)) return placeOf(session);
        session.attendees.add(participantId);
        if (!session.cancelled) this.countAttendance(session, participantId, 1);
        return placeOf(session);
      }
      case 'AttendanceRetracted': {
        const session = state.sessions.get(event.data.sessionId);
        if (!session) return null;
        const { participantId } = event.data;
        if (!session.attendees.delete(participantId)) return placeOf(session);
        if (!session.cancelled) this.countAttendance(session, participantId, -1);
        return placeOf(session);
      }
      case 'ParticipantRegistered': {
        const { data } = event;
        // A registration is immutable; attendance needs it first (docs/domain.md).
        if (!state.hasParticipant(data.participantId)) {
          state.addParticipant(data.participantId, { role: data.role, registered: data.registeredJobSeeker });
          this.changes?.participants.add(data.participantId);
        }
        return null;
      }
      case 'StageObtained': {
        const { data } = event;
        const place = { year: yearOf(data.startDate), projectId: data.projectId };
        const sector = normaliseSector(data.sector);
        const contribution = this.observer && {
          id: `stage|${data.participantId}|${data.stageId}`,
          sector,
          company: data.companyId,
        };
        for (const figures of state.activityFigures(data.projectId, place.year)) {
          this.bump(figures, activityKey('stages'), 1, contribution);
          if (state.addDistinct(figures, 'sector', sector)) this.bump(figures, activityKey('stageSectors'), 1);
          if (state.addDistinct(figures, 'company', data.companyId))
            this.bump(figures, activityKey('stageCompanies'), 1);
        }
        return place;
      }
      case 'OutcomeRecorded': {
        const { data } = event;
        const contribution = this.observer && { id: `outcome|${data.participantId}|${data.outcomeId}` };
        return this.countEntry(data, activityKey('outcomes', data.type), 1, contribution);
      }
      case 'ProjectNarrativeWritten':
        return null;
      default:
        return assertNever(event);
    }
  }

  /** An outreach or an outcome: `amount` under one key, in every scope of its project, in the year of its date. */
  private countEntry(
    entry: { readonly projectId: string; readonly date: string },
    key: string,
    amount: number,
    contribution: Contribution | undefined,
  ): FiguresPlace {
    const place = { year: yearOf(entry.date), projectId: entry.projectId };
    for (const figures of this.state.activityFigures(place.projectId, place.year)) {
      this.bump(figures, key, amount, contribution);
    }
    return place;
  }

  private countProject(project: ProjectInfo, stage: ProjectStage): void {
    const contribution = { id: `project|${project.projectId}` };
    for (const figures of this.state.projectCountFigures(project)) {
      this.bump(figures, projectKey(stage, 'count'), 1, contribution);
      this.bump(figures, projectKey(stage, 'byCarrierType', project.carrierType), 1, contribution);
      this.bump(figures, projectKey(stage, 'byAudience', project.audience), 1, contribution);
      this.bump(figures, projectKey(stage, 'byKind', project.kind), 1, contribution);
      if (project.targetsPartners) this.bump(figures, projectKey(stage, 'targetsPartners'), 1, contribution);
      if (project.theme) this.bump(figures, projectKey(stage, 'byTheme', project.theme), 1, contribution);
    }
  }

  private countSession(session: SessionInfo, delta: 1 | -1): void {
    const byKind = activityKey('sessionsByKind', session.kind);
    const contribution = this.observer && { id: `session|${session.sessionId}` };
    for (const figures of this.state.activityFigures(session.projectId, session.year)) {
      this.bump(figures, activityKey('sessions'), delta, contribution);
      this.bump(figures, byKind, delta, contribution);
    }
  }

  /**
   * An attendance counts in every scope of its project; the participant, their
   * role and whether they are not registered count once in each scope, while
   * any of their attendances there counts.
   */
  private countAttendance(session: SessionInfo, participantId: string, delta: 1 | -1): void {
    // Looked up once the participant enters or leaves a distinct set: most attendances are not their first.
    let known: { readonly participant: ParticipantInfo | undefined } | undefined;
    const contribution = this.observer && {
      id: `attendance|${session.sessionId}|${participantId}`,
      participant: participantId,
    };
    const scopes = this.state.activityFigures(session.projectId, session.year);
    for (let index = 0; index < scopes.length; index++) {
      const figures = scopes[index]!;
      this.bump(figures, activityKey('attendances'), delta, contribution);
      const refs = figures.participantRefs;
      const before = refs.get(participantId) ?? 0;
      const after = before + delta;
      if (after === 0) refs.delete(participantId);
      else refs.set(participantId, after);
      // Only when the participant enters or leaves this scope's distinct set.
      if (before !== 0 && after !== 0) continue;
      this.bump(figures, activityKey('participants'), delta);
      known ??= { participant: this.state.participant(participantId) };
      const { participant } = known;
      if (!participant) continue;
      this.bump(figures, activityKey('participantsByRole', participant.role), delta);
      if (!participant.registered) this.bump(figures, activityKey('notRegisteredJobSeekers'), delta);
    }
  }

  private bump(figures: ScopeYearFigures, key: string, delta: number, contribution?: Contribution): void {
    addTo(figures.values, key, delta);
    this.changes?.counter(figures, key);
    if (this.observer) {
      const { scope, year } = figures;
      this.observer(contribution ? { scope, year, key, delta, contribution } : { scope, year, key, delta });
    }
  }
}

const placeOf = (session: SessionInfo): FiguresPlace => ({ year: session.year, projectId: session.projectId });

/** "Horeca" and " horeca" are one sector. */
export const normaliseSector = (sector: string): string => sector.normalize('NFC').trim().toLocaleLowerCase('fr');
