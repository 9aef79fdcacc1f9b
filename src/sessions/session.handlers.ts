import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { participantDecider } from '../participants/participant.decider.js';
import { ProjectAccess } from '../projects/project-access.js';
import { Clock } from '../shared/clock.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { participantStream, sessionStream } from '../shared/domain/ids.js';
import { SessionAccess } from './session-access.js';
import { sessionDecider } from './session.decider.js';
import {
  CancelSessionCommand,
  RecordAttendanceCommand,
  RecordSessionCommand,
  RetractAttendanceCommand,
} from './session.messages.js';

@CommandHandler(RecordSessionCommand)
export class RecordSessionHandler implements ICommandHandler<RecordSessionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordSessionCommand) {
    const project = await this.access.project(data.projectId, sender.access);
    const command = { type: 'RecordSession', data, project, today: this.clock.today() } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}

@CommandHandler(CancelSessionCommand)
export class CancelSessionHandler implements ICommandHandler<CancelSessionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: CancelSessionCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    const command = { type: 'CancelSession', data } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: RecordAttendanceCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    const participant = await this.executor.state(participantStream(data.participantId), participantDecider);
    const command = {
      type: 'RecordAttendance',
      data,
      participantRegistered: participant.status === 'registered',
    } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}

@CommandHandler(RetractAttendanceCommand)
export class RetractAttendanceHandler implements ICommandHandler<RetractAttendanceCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: SessionAccess,
  ) {}

  async execute({ data, sender }: RetractAttendanceCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    // The participant is named in the path: an unknown one is "not found", not a rule.
    const participant = await this.executor.state(participantStream(data.participantId), participantDecider);
    if (participant.status === 'absent') throw new NotFoundError(`Participant ${data.participantId} does not exist`);
    const command = { type: 'RetractAttendance', data } as const;
    return this.executor.execute(sessionStream(data.sessionId), sessionDecider, command, sender);
  }
}
