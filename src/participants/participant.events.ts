import type { DomainEvent } from '../shared/domain/event.js';

export const PARTICIPANT_ROLES = [
  'job-seeker',
  'citizen',
  'employer',
  'independent',
  'partner-staff',
  'volunteer',
  'mentor',
  'other',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const OUTCOME_TYPES = [
  'hired',
  'training-completed',
  'professional-project-defined',
  'training-started',
  'other',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export interface RegistrationData {
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly registeredJobSeeker: boolean;
}

export interface StageData {
  readonly participantId: string;
  readonly stageId: string;
  readonly projectId: string;
  readonly startDate: string;
  readonly sector: string;
  readonly companyId: string;
}

export interface OutcomeData {
  readonly participantId: string;
  readonly outcomeId: string;
  readonly projectId: string;
  readonly type: OutcomeType;
  readonly date: string;
}

export type ParticipantRegistered = DomainEvent<'ParticipantRegistered', RegistrationData>;
export type StageObtained = DomainEvent<'StageObtained', StageData>;
export type OutcomeRecorded = DomainEvent<'OutcomeRecorded', OutcomeData>;

export type ParticipantEvent = ParticipantRegistered | StageObtained | OutcomeRecorded;

export const PARTICIPANT_EVENT_TYPES: readonly ParticipantEvent['type'][] = [
  'ParticipantRegistered',
  'StageObtained',
  'OutcomeRecorded',
];
