import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { projectDecider, projectFacts } from '../projects/project.decider.js';
import { Clock } from '../shared/clock.js';
import { participantStream, projectStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import type { OutcomeData } from './participant.events.js';

export class RecordOutcomeCommand extends CommandMessage<OutcomeData> {}

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  async execute({ data, sender }: RecordOutcomeCommand) {
    const project = projectFacts(await this.executor.state(projectStream(data.projectId), projectDecider));
    const command = { type: 'RecordOutcome', data, project, today: this.clock.today() } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}
