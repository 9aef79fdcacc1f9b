import { CommandMessage } from '../command-handling/command-message.js';
import type { OutcomeData, RegistrationData, StageData } from './participant.events.js';

/** What the participants feature takes on the command bus. */
export class RegisterParticipantCommand extends CommandMessage<RegistrationData> {}

export class RecordStageCommand extends CommandMessage<StageData> {}

export class RecordOutcomeCommand extends CommandMessage<OutcomeData> {}
