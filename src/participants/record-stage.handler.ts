import { ProjectAccess } from '../projects/project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { participantStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import type { StageData } from './participant.events.js';

export class RecordStageCommand extends CommandMessage<StageData> {}

@CommandHandler(RecordStageCommand)
export class RecordStageHandler implements ICommandHandler<RecordStageCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordStageCommand) {
    const project = await this.access.project(data.projectId, sender.access);
    const command = { type: 'RecordStage', data, project } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}
