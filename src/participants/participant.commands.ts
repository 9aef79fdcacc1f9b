import type { ProjectFacts } from '../shared/domain/project-facts.js';
import type { OutcomeData, RegistrationData, StageData } from './participant.events.js';

export interface RegisterParticipant {
  readonly type: 'RegisterParticipant';
  readonly data: RegistrationData;
}

export interface RecordStage {
  readonly type: 'RecordStage';
  readonly data: StageData;
  /** The project named in the body, as stored; null when it does not exist. */
  readonly project: ProjectFacts | null;
}

export interface RecordOutcome {
  readonly type: 'RecordOutcome';
  readonly data: OutcomeData;
  readonly project: ProjectFacts | null;
  readonly today: string;
}

export type ParticipantCommand = RegisterParticipant | RecordStage | RecordOutcome;
