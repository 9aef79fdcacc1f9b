import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectDecider, projectFacts } from '../projects/project.decider.js';
import { Clock } from '../shared/clock.js';
import { projectStream, sessionStream } from '../shared/domain/ids.js';
import { sessionDecider } from './session.decider.js';
import type { SessionHeldData } from './session.events.js';

export class RecordSessionCommand extends CommandMessage<SessionHeldData> {}

@CommandHandler(RecordSessionCommand)
export class RecordSessionHandler implements ICommandHandler<RecordSessionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  async execute({ data, sender }: RecordSessionCommand) {
    const project = projectFacts(await this.executor.state(projectStream(data.projectId), projectDecider));
    const command = { type: 'RecordSession', data, project, today: this.clock.today() } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}
