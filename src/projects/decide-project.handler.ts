import { ProjectAccess } from './project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectStream } from '../shared/domain/ids.js';
import type { DecideProject } from './project.commands.js';
import { projectDecider } from './project.decider.js';

export class DecideProjectCommand extends CommandMessage<DecideProject['data']> {}

@CommandHandler(DecideProjectCommand)
export class DecideProjectHandler implements ICommandHandler<DecideProjectCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: DecideProjectCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    return this.executor.execute(
      projectStream(data.projectId),
      projectDecider,
      { type: 'DecideProject', data },
      sender,
    );
  }
}
