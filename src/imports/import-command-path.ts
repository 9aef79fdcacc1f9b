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

/** Runs one command as the one-by-one API would. */
export type Dispatch = (command: CommandMessage<object>) => Promise<CommandOutcome>;

/**
 * The command handlers the one-by-one API dispatches to, bound to a command
 * loop: the service's own for an import, one over a dry run's store for a dry
 * run. Same handlers, same access checks, same deciders: one command path.
 */
export function importCommandPath(executor: CommandExecutor, clock: Clock): Dispatch {
  const projects = new ProjectAccess(executor);
  const sessions = new SessionAccess(executor, projects);
  const handlers = new Map<object, { execute(command: never): Promise<CommandOutcome> }>([
    [RegisterParticipantCommand, new RegisterParticipantHandler(executor)],
    [RecordSessionCommand, new RecordSessionHandler(executor, clock, projects)],
    [RecordAttendanceCommand, new RecordAttendanceHandler(executor, sessions)],
    [RecordStageCommand, new RecordStageHandler(executor, projects)],
    [RecordOutreachCommand, new RecordOutreachHandler(executor, clock, projects)],
    [RecordOutcomeCommand, new RecordOutcomeHandler(executor, clock, projects)],
  ]);
  return (command) => {
    const handler = handlers.get(command.constructor);
    if (!handler) throw new Error(`No import handler for ${command.constructor.name}`);
    return handler.execute(command as never);
  };
}
