import { ProjectAccess } from '../projects/project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { Clock } from '../shared/clock.js';
import { sessionStream } from '../shared/domain/ids.js';
import { sessionDecider } from './session.decider.js';
import type { SessionHeldData } from './session.events.js';

export class RecordSessionCommand extends CommandMessage<SessionHeldData> {}

@CommandHandler(RecordSessionCommand)
export class RecordSessionHandler implements ICommandHandler<RecordSessionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordSessionCommand) {
    const project = await this.access.project(data.projectId, sender.access);
    const command = { type: 'RecordSession', data, project, today: this.clock.today() } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}
