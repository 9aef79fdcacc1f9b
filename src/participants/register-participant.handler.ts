import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { participantStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import type { RegistrationData } from './participant.events.js';

export class RegisterParticipantCommand extends CommandMessage<RegistrationData> {}

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: RegisterParticipantCommand) {
    const command = { type: 'RegisterParticipant', data } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}
