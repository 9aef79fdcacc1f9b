import { ProjectAccess } from './project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { Clock } from '../shared/clock.js';
import { projectStream } from '../shared/domain/ids.js';
import { projectDecider } from './project.decider.js';
import type { OutreachData } from './project.events.js';

export class RecordOutreachCommand extends CommandMessage<OutreachData> {}

@CommandHandler(RecordOutreachCommand)
export class RecordOutreachHandler implements ICommandHandler<RecordOutreachCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordOutreachCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    const command = { type: 'RecordOutreach', data, today: this.clock.today() } as const;
    return this.executor.execute(projectStream(data.projectId), projectDecider, command, sender);
  }
}
