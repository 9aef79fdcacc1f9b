import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectDecider, projectFacts } from '../projects/project.decider.js';
import { participantStream, projectStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import type { StageData } from './participant.events.js';

export class RecordStageCommand extends CommandMessage<StageData> {}

@CommandHandler(RecordStageCommand)
export class RecordStageHandler implements ICommandHandler<RecordStageCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ data, sender }: RecordStageCommand) {
    const project = projectFacts(await this.executor.state(projectStream(data.projectId), projectDecider));
    const command = { type: 'RecordStage', data, project } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}
