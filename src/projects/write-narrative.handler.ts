import { ProjectAccess } from './project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectStream } from '../shared/domain/ids.js';
import { projectDecider } from './project.decider.js';
import type { NarrativeData } from './project.events.js';

export class WriteNarrativeCommand extends CommandMessage<NarrativeData> {}

@CommandHandler(WriteNarrativeCommand)
export class WriteNarrativeHandler implements ICommandHandler<WriteNarrativeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: WriteNarrativeCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    return this.executor.execute(
      projectStream(data.projectId),
      projectDecider,
      { type: 'WriteNarrative', data },
      sender,
    );
  }
}
