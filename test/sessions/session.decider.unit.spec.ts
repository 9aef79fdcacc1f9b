import { sessionDecider } from '../../src/sessions/session.decider.js';
import type { SessionHeldData } from '../../src/sessions/session.events.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../src/shared/domain/errors.js';
import type { ProjectFacts } from '../../src/shared/domain/project-facts.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(sessionDecider);

const approvedProject: ProjectFacts = { projectId: 'digimobile-2022', status: 'approved', mdes: ['forest'] };
const session: SessionHeldData = {
  sessionId: 'dm-01',
  projectId: 'digimobile-2022',
  date: '2022-07-18',
  kind: 'outreach-stand',
  location: 'Place Flagey',
};
const today = '2022-12-31';
const held = { type: 'SessionHeld', data: session } as const;
const cancelled = { type: 'SessionCancelled', data: { sessionId: 'dm-01', reason: 'storm' } } as const;
const attended = { type: 'ParticipantAttended', data: { sessionId: 'dm-01', participantId: 'p-1' } } as const;
const retracted = {
  type: 'AttendanceRetracted',
  data: { sessionId: 'dm-01', participantId: 'p-1', reason: 'wrong session' },
} as const;
const attend = {
  type: 'RecordAttendance',
  data: { sessionId: 'dm-01', participantId: 'p-1' },
  participantRegistered: true,
} as const;

describe('session decider', () => {
  describe('RecordSession', () => {
    it('records a session of an approved project', () => {
      given([]).when({ type: 'RecordSession', data: session, project: approvedProject, today }).then([held]);
    });

    it('refuses a session of a project that is not approved, or unknown', () => {
      given([])
        .when({ type: 'RecordSession', data: session, project: { ...approvedProject, status: 'submitted' }, today })
        .thenThrows(RuleViolationError, /approved/);
      given([])
        .when({ type: 'RecordSession', data: session, project: null, today })
        .thenThrows(RuleViolationError, /does not exist/);
    });

    it('refuses a date in the future, and a date that is not in the calendar', () => {
      given([])
        .when({ type: 'RecordSession', data: { ...session, date: '2023-01-01' }, project: approvedProject, today })
        .thenThrows(RuleViolationError, /future/);
      given([])
        .when({ type: 'RecordSession', data: { ...session, date: '2022-02-30' }, project: approvedProject, today })
        .thenThrows(RuleViolationError, /calendar/);
    });

    it('answers an identical repeat as already applied and refuses different content', () => {
      given([held])
        .when({ type: 'RecordSession', data: session, project: approvedProject, today })
        .thenAlreadyApplied(0);
      given([held])
        .when({ type: 'RecordSession', data: { ...session, date: '2022-07-19' }, project: approvedProject, today })
        .thenThrows(ConflictError);
    });
  });

  describe('CancelSession', () => {
    it('cancels a held session', () => {
      given([held])
        .when({ type: 'CancelSession', data: { sessionId: 'dm-01', reason: 'storm' } })
        .then([cancelled]);
    });

    it('is not cancelled twice: the same cancellation is already applied, another one a conflict', () => {
      given([held, cancelled])
        .when({ type: 'CancelSession', data: { sessionId: 'dm-01', reason: 'storm' } })
        .thenAlreadyApplied(1);
      given([held, cancelled])
        .when({ type: 'CancelSession', data: { sessionId: 'dm-01', reason: 'other' } })
        .thenThrows(ConflictError, /not cancelled twice/);
    });

    it('cannot cancel an unknown session', () => {
      given([])
        .when({ type: 'CancelSession', data: { sessionId: 'dm-01', reason: 'storm' } })
        .thenThrows(NotFoundError);
    });
  });

  describe('RecordAttendance', () => {
    it('records the attendance of a registered participant', () => {
      given([held]).when(attend).then([attended]);
    });

    it('counts the same participant at the same session once', () => {
      given([held, attended]).when(attend).thenAlreadyApplied(1);
    });

    it('refuses an unregistered participant', () => {
      given([held])
        .when({ ...attend, participantRegistered: false })
        .thenThrows(RuleViolationError, /not registered/);
    });

    it('takes no attendance at a cancelled session', () => {
      given([held, cancelled])
        .when(attend)
        .thenThrows(RuleViolationError, /cancelled/);
    });

    it('takes a new attendance after a retraction', () => {
      given([held, attended, retracted]).when(attend).then([attended]);
    });

    it('cannot record attendance at an unknown session', () => {
      given([]).when(attend).thenThrows(NotFoundError);
    });
  });

  describe('RetractAttendance', () => {
    const retract = { type: 'RetractAttendance', data: retracted.data } as const;

    it('retracts a recorded attendance', () => {
      given([held, attended]).when(retract).then([retracted]);
    });

    it('only retracts a recorded attendance', () => {
      given([held])
        .when(retract)
        .thenThrows(RuleViolationError, /no recorded attendance/);
    });

    it('answers the same retraction again as already applied, and another reason as a conflict', () => {
      given([held, attended, retracted]).when(retract).thenAlreadyApplied(2);
      given([held, attended, retracted])
        .when({ type: 'RetractAttendance', data: { ...retracted.data, reason: 'other' } })
        .thenThrows(ConflictError);
    });
  });
});
