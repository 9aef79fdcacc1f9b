import { CommandMessage } from '../command-handling/command-message.js';
import type { CancelSession, RecordAttendance, RetractAttendance } from './session.commands.js';
import type { SessionHeldData } from './session.events.js';

/** What the sessions feature takes on the command bus. */
export class RecordSessionCommand extends CommandMessage<SessionHeldData> {}

export class CancelSessionCommand extends CommandMessage<CancelSession['data']> {}

export class RecordAttendanceCommand extends CommandMessage<RecordAttendance['data']> {}

export class RetractAttendanceCommand extends CommandMessage<RetractAttendance['data']> {}
