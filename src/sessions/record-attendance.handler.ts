import { SessionAccess } from './session-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { participantDecider } from '../participants/participant.decider.js';
import { participantStream, sessionStream } from '../shared/domain/ids.js';
import type { RecordAttendance } from './session.commands.js';
import { sessionDecider } from './session.decider.js';

export class RecordAttendanceCommand extends CommandMessage<RecordAttendance['data']> {}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: RecordAttendanceCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    const participant = await this.executor.state(participantStream(data.participantId), participantDecider);
    const command = {
      type: 'RecordAttendance',
      data,
      participantRegistered: participant.status === 'registered',
    } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}
