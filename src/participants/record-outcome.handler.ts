import { ProjectAccess } from '../projects/project-access.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { Clock } from '../shared/clock.js';
import { participantStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import type { OutcomeData } from './participant.events.js';

export class RecordOutcomeCommand extends CommandMessage<OutcomeData> {}

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordOutcomeCommand) {
    const project = await this.access.project(data.projectId, sender.access);
    const command = { type: 'RecordOutcome', data, project, today: this.clock.today() } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}
