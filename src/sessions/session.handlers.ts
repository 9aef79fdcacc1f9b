import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandOutcome } from '../command-handling/command-executor.js';
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

  async execute(message: RecordAttendanceCommand) {
    const command = await this.command(message);
    return this.executor.execute(sessionStream(message.data.sessionId), sessionDecider, command, message.sender);
  }

  /**
   * Attendances at one session (a sign-in sheet), decided in turn and appended
   * together: each answered as `execute` would have answered it, in order.
   */
  async executeAll(messages: readonly RecordAttendanceCommand[]): Promise<PromiseSettledResult<CommandOutcome>[]> {
    const sessionId = messages[0]?.data.sessionId;
    if (sessionId === undefined) return [];
    if (messages.some(({ data }) => data.sessionId !== sessionId)) {
      throw new Error('Attendances are recorded together only at one session');
    }
    const commands = await Promise.allSettled(messages.map((message) => this.command(message)));
    const checked = commands.flatMap((command, index) =>
      command.status === 'fulfilled' ? [{ command: command.value, sender: messages[index]!.sender }] : [],
    );
    const decided = await this.executor.executeAll(sessionStream(sessionId), sessionDecider, checked);
    let next = 0;
    return commands.map((command) => (command.status === 'rejected' ? command : decided[next++]!));
  }

  private async command({ data, sender }: RecordAttendanceCommand) {
    await this.access.requireSession(data.sessionId, sender.access);
    const participant = await this.executor.state(participantStream(data.participantId), participantDecider);
    return { type: 'RecordAttendance', data, participantRegistered: participant.status === 'registered' } as const;
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
