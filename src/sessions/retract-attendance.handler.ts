import { SessionAccess } from './session-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { participantDecider } from '../participants/participant.decider.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { participantStream, sessionStream } from '../shared/domain/ids.js';
import type { RetractAttendance } from './session.commands.js';
import { sessionDecider } from './session.decider.js';

export class RetractAttendanceCommand extends CommandMessage<RetractAttendance['data']> {}

@CommandHandler(RetractAttendanceCommand)
export class RetractAttendanceHandler implements ICommandHandler<RetractAttendanceCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: RetractAttendanceCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    // The participant is named in the path: an unknown one is "not found", not a rule.
    const participant = await this.executor.state(participantStream(data.participantId), participantDecider);
    if (participant.status === 'absent') throw new NotFoundError(`Participant ${data.participantId} does not exist`);
    return this.executor.execute(
      sessionStream(data.sessionId),
      sessionDecider,
      { type: 'RetractAttendance', data },
      sender,
    );
  }
}
