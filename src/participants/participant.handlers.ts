import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { ProjectAccess } from '../projects/project-access.js';
import { Clock } from '../shared/clock.js';
import { participantStream } from '../shared/domain/ids.js';
import { participantDecider } from './participant.decider.js';
import { RecordOutcomeCommand, RecordStageCommand, RegisterParticipantCommand } from './participant.messages.js';

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: RegisterParticipantCommand) {
    const command = { type: 'RegisterParticipant', data } as const;
    return this.executor.execute(participantStream(data.participantId), participantDecider, command, sender);
  }
}

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
