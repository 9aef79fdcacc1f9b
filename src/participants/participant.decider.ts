import { isCalendarDate, requirePastDate } from '../shared/domain/calendar.js';
import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject, requireExistingProject } from '../shared/domain/project-facts.js';
import { sameContent } from '../shared/domain/same-content.js';
import type { ParticipantCommand } from './participant.commands.js';
import type { OutcomeData, ParticipantEvent, RegistrationData, StageData } from './participant.events.js';

interface Recorded<T> {
  readonly data: T;
  readonly revision: number;
}

export type ParticipantState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'registered';
      readonly registration: Recorded<RegistrationData>;
      readonly stages: ReadonlyMap<string, Recorded<StageData>>;
      readonly outcomes: ReadonlyMap<string, Recorded<OutcomeData>>;
    };

type RegisteredParticipant = Exclude<ParticipantState, { status: 'absent' }>;

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};

function evolve(state: ParticipantState, event: ParticipantEvent, revision: number): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered':
      return {
        status: 'registered',
        registration: { data: event.data, revision },
        stages: new Map(),
        outcomes: new Map(),
      };
    case 'StageObtained': {
      const participant = registered(state);
      const stages = new Map(participant.stages).set(event.data.stageId, { data: event.data, revision });
      return { ...participant, stages };
    }
    case 'OutcomeRecorded': {
      const participant = registered(state);
      const outcomes = new Map(participant.outcomes).set(event.data.outcomeId, { data: event.data, revision });
      return { ...participant, outcomes };
    }
    default:
      return assertNever(event);
  }
}

function decide(command: ParticipantCommand, state: ParticipantState): Decision<ParticipantEvent> {
  switch (command.type) {
    case 'RegisterParticipant': {
      if (state.status === 'registered') {
        if (sameContent(state.registration.data, command.data)) return alreadyApplied(state.registration.revision);
        throw new ConflictError(
          `Participant ${command.data.participantId} was already registered with different content`,
        );
      }
      return [{ type: 'ParticipantRegistered', data: command.data }];
    }
    case 'RecordStage': {
      const participant = mustExist(state, command.data.participantId);
      const stage = command.data;
      // A stage or outcome id is unique within its participant.
      const earlier = participant.stages.get(stage.stageId);
      if (earlier) {
        if (sameContent(earlier.data, stage)) return alreadyApplied(earlier.revision);
        throw new ConflictError(`Stage ${stage.stageId} was already recorded with different content`);
      }
      requireApprovedProject(command.project, stage.projectId, 'Stages');
      if (!isCalendarDate(stage.startDate)) throw new RuleViolationError(`${stage.startDate} is not a calendar date`);
      return [{ type: 'StageObtained', data: stage }];
    }
    case 'RecordOutcome': {
      const participant = mustExist(state, command.data.participantId);
      const outcome = command.data;
      const earlier = participant.outcomes.get(outcome.outcomeId);
      if (earlier) {
        if (sameContent(earlier.data, outcome)) return alreadyApplied(earlier.revision);
        throw new ConflictError(`Outcome ${outcome.outcomeId} was already recorded with different content`);
      }
      requireExistingProject(command.project, outcome.projectId);
      requirePastDate(outcome.date, command.today, 'An outcome');
      return [{ type: 'OutcomeRecorded', data: outcome }];
    }
    default:
      return assertNever(command);
  }
}

function registered(state: ParticipantState): RegisteredParticipant {
  if (state.status === 'absent') throw new Error('Participant event before ParticipantRegistered');
  return state;
}

function mustExist(state: ParticipantState, participantId: string): RegisteredParticipant {
  if (state.status === 'absent') throw new NotFoundError(`Participant ${participantId} does not exist`);
  return state;
}
