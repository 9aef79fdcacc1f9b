import type { CommandExecutor, CommandOutcome } from '../command-handling/command-executor.js';
import type { CommandMessage } from '../command-handling/command-message.js';
import {
  RecordOutcomeHandler,
  RecordStageHandler,
  RegisterParticipantHandler,
} from '../participants/participant.handlers.js';
import {
  RecordOutcomeCommand,
  RecordStageCommand,
  RegisterParticipantCommand,
} from '../participants/participant.messages.js';
import { ProjectAccess } from '../projects/project-access.js';
import { RecordOutreachHandler } from '../projects/project.handlers.js';
import { RecordOutreachCommand } from '../projects/project.messages.js';
import { SessionAccess } from '../sessions/session-access.js';
import { RecordAttendanceHandler, RecordSessionHandler } from '../sessions/session.handlers.js';
import { RecordAttendanceCommand, RecordSessionCommand } from '../sessions/session.messages.js';
import type { Clock } from '../shared/clock.js';

/** The one-by-one API's command path, as an import uses it. */
export interface CommandPath {
  /** Runs one command as the one-by-one API would. */
  dispatch(command: CommandMessage<object>): Promise<CommandOutcome>;
  /**
   * Runs commands of one type on one stream, each answered as `dispatch` would
   * answer it after the ones before it; appended together where the handler
   * can decide them together (the attendances of a session).
   */
  dispatchAll(commands: readonly CommandMessage<object>[]): Promise<PromiseSettledResult<CommandOutcome>[]>;
}

interface ImportHandler {
  execute(command: never): Promise<CommandOutcome>;
  executeAll?(commands: readonly never[]): Promise<PromiseSettledResult<CommandOutcome>[]>;
}

/**
 * The command handlers the one-by-one API dispatches to, bound to a command
 * loop: the service's own for an import, one over a dry run's store for a dry
 * run. Same handlers, same access checks, same deciders: one command path.
 */
export function importCommandPath(executor: CommandExecutor, clock: Clock): CommandPath {
  const projects = new ProjectAccess(executor);
  const sessions = new SessionAccess(executor, projects);
  const handlers = new Map<object, ImportHandler>([
    [RegisterParticipantCommand, new RegisterParticipantHandler(executor)],
    [RecordSessionCommand, new RecordSessionHandler(executor, clock, projects)],
    [RecordAttendanceCommand, new RecordAttendanceHandler(executor, sessions)],
    [RecordStageCommand, new RecordStageHandler(executor, projects)],
    [RecordOutreachCommand, new RecordOutreachHandler(executor, clock, projects)],
    [RecordOutcomeCommand, new RecordOutcomeHandler(executor, clock, projects)],
  ]);
  const handlerOf = (command: CommandMessage<object>): ImportHandler => {
    const handler = handlers.get(command.constructor);
    if (!handler) throw new Error(`No import handler for ${command.constructor.name}`);
    return handler;
  };
  return {
    dispatch: (command) => handlerOf(command).execute(command as never),
    async dispatchAll(commands) {
      const [first] = commands;
      if (first === undefined) return [];
      if (commands.some((command) => command.constructor !== first.constructor)) {
        throw new Error('Commands are dispatched together only when of one type');
      }
      const handler = handlerOf(first);
      if (handler.executeAll) return handler.executeAll(commands as never[]);
      const settled: PromiseSettledResult<CommandOutcome>[] = [];
      for (const command of commands) {
        settled.push(
          await handler.execute(command as never).then(
            (value) => ({ status: 'fulfilled', value }) as const,
            (reason: unknown) => ({ status: 'rejected', reason }) as const,
          ),
        );
      }
      return settled;
    },
  };
}
