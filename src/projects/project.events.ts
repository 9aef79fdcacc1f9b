import type { DomainEvent } from '../shared/domain/event.js';

export const CARRIER_TYPES = ['commune', 'cpas', 'mission-locale', 'ale', 'actiris', 'association', 'other'] as const;
export type CarrierType = (typeof CARRIER_TYPES)[number];

export const PROJECT_KINDS = ['local', 'thematic'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_AUDIENCES = ['all-job-seekers', 'specific'] as const;
export type ProjectAudience = (typeof PROJECT_AUDIENCES)[number];

export const OUTREACH_AUDIENCES = ['people', 'job-seekers', 'companies', 'employers'] as const;
export type OutreachAudience = (typeof OUTREACH_AUDIENCES)[number];

/** The figures a project may set itself a target for. */
export const TARGET_FIGURES = ['sessions', 'participants', 'attendances', 'stages', 'outcomes'] as const;
export type TargetFigure = (typeof TARGET_FIGURES)[number];
export type ProjectTargets = Partial<Record<TargetFigure, number>>;

export interface ProjectSubmission {
  readonly projectId: string;
  readonly year: number;
  readonly title: string;
  readonly mdes: readonly string[];
  readonly carrier: { readonly name: string; readonly type: CarrierType };
  readonly kind: ProjectKind;
  readonly theme?: string;
  readonly audience: ProjectAudience;
  readonly targetsPartners: boolean;
  readonly targets?: ProjectTargets;
}

export interface ProjectDecisionData {
  readonly projectId: string;
  readonly fundedAmount?: number;
  readonly reason?: string;
}

export interface OutreachData {
  readonly projectId: string;
  readonly outreachId: string;
  readonly date: string;
  readonly audience: OutreachAudience;
  readonly count: number;
}

export interface NarrativeData {
  readonly projectId: string;
  readonly year: number;
  readonly text: string;
}

export type ProjectSubmitted = DomainEvent<'ProjectSubmitted', ProjectSubmission>;
export type ProjectApproved = DomainEvent<'ProjectApproved', ProjectDecisionData>;
export type ProjectRejected = DomainEvent<'ProjectRejected', ProjectDecisionData>;
export type OutreachRecorded = DomainEvent<'OutreachRecorded', OutreachData>;
export type ProjectNarrativeWritten = DomainEvent<'ProjectNarrativeWritten', NarrativeData>;

export type ProjectEvent =
  ProjectSubmitted | ProjectApproved | ProjectRejected | OutreachRecorded | ProjectNarrativeWritten;

export const PROJECT_EVENT_TYPES: readonly ProjectEvent['type'][] = [
  'ProjectSubmitted',
  'ProjectApproved',
  'ProjectRejected',
  'OutreachRecorded',
  'ProjectNarrativeWritten',
];
