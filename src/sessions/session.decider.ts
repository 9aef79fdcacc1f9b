import { Map as PersistentMap } from 'immutable';
import { requirePastDate } from '../shared/domain/calendar.js';
import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject } from '../shared/domain/project-facts.js';
import { created, mustExist, repeated, type Recorded } from '../shared/domain/recorded.js';
import type { SessionCommand } from './session.commands.js';
import type { SessionEvent, SessionHeldData } from './session.events.js';

export type SessionState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'held' | 'cancelled';
      readonly held: { readonly data: SessionHeldData; readonly revision: number };
      readonly cancellation?: Recorded<{ readonly reason: string }>;
      /**
       * Participants whose attendance counts, with the revision that recorded it.
       * Persistent maps: an event makes a new one sharing the rest, where copying
       * made a session's attendances cost the square of its size.
       */
      readonly attendees: PersistentMap<string, number>;
      /** Participants whose last attendance was retracted, with that retraction. */
      readonly retracted: PersistentMap<string, Recorded<{ readonly reason: string }>>;
    };

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};

function evolve(state: SessionState, event: SessionEvent, revision: number): SessionState {
  switch (event.type) {
    case 'SessionHeld':
      return {
        status: 'held',
        held: { data: event.data, revision },
        attendees: PersistentMap(),
        retracted: PersistentMap(),
      };
    case 'SessionCancelled':
      return {
        ...created(state, 'SessionHeld'),
        status: 'cancelled',
        cancellation: { data: { reason: event.data.reason }, revision },
      };
    case 'ParticipantAttended': {
      const session = created(state, 'SessionHeld');
      const { participantId } = event.data;
      return {
        ...session,
        attendees: session.attendees.set(participantId, revision),
        retracted: session.retracted.delete(participantId),
      };
    }
    case 'AttendanceRetracted': {
      const session = created(state, 'SessionHeld');
      const { participantId } = event.data;
      const retraction = { data: { reason: event.data.reason }, revision };
      return {
        ...session,
        attendees: session.attendees.delete(participantId),
        retracted: session.retracted.set(participantId, retraction),
      };
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
        return repeated(state.held, data, `Session ${data.sessionId} was already recorded with different content`)!;
      }
      requireApprovedProject(command.project, data.projectId, 'Sessions');
      requirePastDate(data.date, command.today, 'A session');
      return [{ type: 'SessionHeld', data }];
    }
    case 'CancelSession': {
      const session = mustExist(state, `Session ${command.data.sessionId} does not exist`);
      if (session.cancellation) {
        const conflict = `Session ${command.data.sessionId} was already cancelled; it is not cancelled twice`;
        return repeated(session.cancellation, { reason: command.data.reason }, conflict)!;
      }
      return [{ type: 'SessionCancelled', data: command.data }];
    }
    case 'RecordAttendance': {
      const session = mustExist(state, `Session ${command.data.sessionId} does not exist`);
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
      const session = mustExist(state, `Session ${command.data.sessionId} does not exist`);
      const { participantId, reason } = command.data;
      if (session.attendees.has(participantId)) return [{ type: 'AttendanceRetracted', data: command.data }];
      const conflict = `The attendance of ${participantId} was already retracted`;
      const repeat = repeated(session.retracted.get(participantId), { reason }, conflict);
      if (repeat) return repeat;
      throw new RuleViolationError(
        `Participant ${participantId} has no recorded attendance at session ${command.data.sessionId} to retract`,
      );
    }
    default:
      return assertNever(command);
  }
}
