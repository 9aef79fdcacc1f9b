import { requireAccess } from '../auth/access-denied.error.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectStream } from '../shared/domain/ids.js';
import { projectDecider } from './project.decider.js';
import type { ProjectSubmission } from './project.events.js';

export class SubmitProjectCommand extends CommandMessage<ProjectSubmission> {}

@CommandHandler(SubmitProjectCommand)
export class SubmitProjectHandler implements ICommandHandler<SubmitProjectCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: SubmitProjectCommand) {
    requireAccess(sender.access, data.mdes, `Project ${data.projectId}`);
    return this.executor.execute(
      projectStream(data.projectId),
      projectDecider,
      { type: 'SubmitProject', data },
      sender,
    );
  }
}
