import { isCalendarDate, requirePastDate } from '../shared/domain/calendar.js';
import { assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject, requireExistingProject } from '../shared/domain/project-facts.js';
import { created, mustExist, repeated, type Recorded } from '../shared/domain/recorded.js';
import type { ParticipantCommand } from './participant.commands.js';
import type { OutcomeData, ParticipantEvent, RegistrationData, StageData } from './participant.events.js';

export type ParticipantState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'registered';
      readonly registration: Recorded<RegistrationData>;
      readonly stages: ReadonlyMap<string, Recorded<StageData>>;
      readonly outcomes: ReadonlyMap<string, Recorded<OutcomeData>>;
    };

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
      const participant = created(state, 'ParticipantRegistered');
      const stages = new Map(participant.stages).set(event.data.stageId, { data: event.data, revision });
      return { ...participant, stages };
    }
    case 'OutcomeRecorded': {
      const participant = created(state, 'ParticipantRegistered');
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
        const conflict = `Participant ${command.data.participantId} was already registered with different content`;
        return repeated(state.registration, command.data, conflict)!;
      }
      return [{ type: 'ParticipantRegistered', data: command.data }];
    }
    case 'RecordStage': {
      const participant = mustExist(state, `Participant ${command.data.participantId} does not exist`);
      const stage = command.data;
      // A stage or outcome id is unique within its participant.
      const conflict = `Stage ${stage.stageId} was already recorded with different content`;
      const repeat = repeated(participant.stages.get(stage.stageId), stage, conflict);
      if (repeat) return repeat;
      requireApprovedProject(command.project, stage.projectId, 'Stages');
      if (!isCalendarDate(stage.startDate)) throw new RuleViolationError(`${stage.startDate} is not a calendar date`);
      return [{ type: 'StageObtained', data: stage }];
    }
    case 'RecordOutcome': {
      const participant = mustExist(state, `Participant ${command.data.participantId} does not exist`);
      const outcome = command.data;
      const conflict = `Outcome ${outcome.outcomeId} was already recorded with different content`;
      const repeat = repeated(participant.outcomes.get(outcome.outcomeId), outcome, conflict);
      if (repeat) return repeat;
      requireExistingProject(command.project, outcome.projectId);
      requirePastDate(outcome.date, command.today, 'An outcome');
      return [{ type: 'OutcomeRecorded', data: outcome }];
    }
    default:
      return assertNever(command);
  }
}
