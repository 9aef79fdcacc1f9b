import { requirePastDate } from '../shared/domain/calendar.js';
import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject } from '../shared/domain/project-facts.js';
import { sameContent } from '../shared/domain/same-content.js';
import type { SessionCommand } from './session.commands.js';
import type { SessionEvent, SessionHeldData } from './session.events.js';

export type SessionState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'held' | 'cancelled';
      readonly held: { readonly data: SessionHeldData; readonly revision: number };
      readonly cancellation?: { readonly reason: string; readonly revision: number };
      /** Participants whose attendance counts, with the revision that recorded it. */
      readonly attendees: ReadonlyMap<string, number>;
      /** Participants whose last attendance was retracted, with that retraction. */
      readonly retracted: ReadonlyMap<string, { readonly reason: string; readonly revision: number }>;
    };

type ExistingSession = Exclude<SessionState, { status: 'absent' }>;

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};

function evolve(state: SessionState, event: SessionEvent, revision: number): SessionState {
  switch (event.type) {
    case 'SessionHeld':
      return { status: 'held', held: { data: event.data, revision }, attendees: new Map(), retracted: new Map() };
    case 'SessionCancelled':
      return { ...existing(state), status: 'cancelled', cancellation: { reason: event.data.reason, revision } };
    case 'ParticipantAttended': {
      const session = existing(state);
      const retracted = new Map(session.retracted);
      retracted.delete(event.data.participantId);
      return { ...session, attendees: new Map(session.attendees).set(event.data.participantId, revision), retracted };
    }
    case 'AttendanceRetracted': {
      const session = existing(state);
      const attendees = new Map(session.attendees);
      attendees.delete(event.data.participantId);
      const retraction = { reason: event.data.reason, revision };
      return { ...session, attendees, retracted: new Map(session.retracted).set(event.data.participantId, retraction) };
    }
    default:
      return assertNever(event);
  }
}

function decide(command: SessionCommand, state: SessionState): Decision<SessionEvent> {
  switch (command.type) {
    case 'RecordSession': {
      const data = command.data;
      if (state.status !== 'absent') {
        if (sameContent(state.held.data, data)) return alreadyApplied(state.held.revision);
        throw new ConflictError(`Session ${data.sessionId} was already recorded with different content`);
      }
      requireApprovedProject(command.project, data.projectId, 'Sessions');
      requirePastDate(data.date, command.today, 'A session');
      return [{ type: 'SessionHeld', data }];
    }
    case 'CancelSession': {
      const session = mustExist(state, command.data.sessionId);
      if (session.cancellation) {
        if (session.cancellation.reason === command.data.reason) return alreadyApplied(session.cancellation.revision);
        throw new ConflictError(`Session ${command.data.sessionId} was already cancelled; it is not cancelled twice`);
      }
      return [{ type: 'SessionCancelled', data: command.data }];
    }
    case 'RecordAttendance': {
      const session = mustExist(state, command.data.sessionId);
      const { participantId } = command.data;
      const earlier = session.attendees.get(participantId);
      // The same participant attending the same session twice is one attendance.
      if (earlier !== undefined) return alreadyApplied(earlier);
      if (session.cancellation) {
        throw new RuleViolationError(`Session ${command.data.sessionId} was cancelled; it takes no attendance`);
      }
      if (!command.participantRegistered) {
        throw new RuleViolationError(`Participant ${participantId} is not registered`);
      }
      return [{ type: 'ParticipantAttended', data: command.data }];
    }
    case 'RetractAttendance': {
      const session = mustExist(state, command.data.sessionId);
      const { participantId, reason } = command.data;
      if (session.attendees.has(participantId)) return [{ type: 'AttendanceRetracted', data: command.data }];
      const retraction = session.retracted.get(participantId);
      if (retraction?.reason === reason) return alreadyApplied(retraction.revision);
      if (retraction) throw new ConflictError(`The attendance of ${participantId} was already retracted`);
      throw new RuleViolationError(
        `Participant ${participantId} has no recorded attendance at session ${command.data.sessionId} to retract`,
      );
    }
    default:
      return assertNever(command);
  }
}

function existing(state: SessionState): ExistingSession {
  if (state.status === 'absent') throw new Error('Session event before SessionHeld');
  return state;
}

function mustExist(state: SessionState, sessionId: string): ExistingSession {
  if (state.status === 'absent') throw new NotFoundError(`Session ${sessionId} does not exist`);
  return state;
}
