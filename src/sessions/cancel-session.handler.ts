import { SessionAccess } from './session-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { sessionStream } from '../shared/domain/ids.js';
import type { CancelSession } from './session.commands.js';
import { sessionDecider } from './session.decider.js';

export class CancelSessionCommand extends CommandMessage<CancelSession['data']> {}

@CommandHandler(CancelSessionCommand)
export class CancelSessionHandler implements ICommandHandler<CancelSessionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: CancelSessionCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    return this.executor.execute(
      sessionStream(data.sessionId),
      sessionDecider,
      { type: 'CancelSession', data },
      sender,
    );
  }
}
