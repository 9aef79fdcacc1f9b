import { assertNever } from '../shared/domain/decider.js';
import { participantStream, projectStream, sessionStream } from '../shared/domain/ids.js';
import type { ParticipantEvent } from '../participants/participant.events.js';
import { PARTICIPANT_EVENT_TYPES } from '../participants/participant.events.js';
import type { ProjectEvent } from '../projects/project.events.js';
import { PROJECT_EVENT_TYPES } from '../projects/project.events.js';
import type { SessionEvent } from '../sessions/session.events.js';
import { SESSION_EVENT_TYPES } from '../sessions/session.events.js';

/** Every event of the programme's activity record, the input of the figures. */
export type ProgrammeEvent = ProjectEvent | SessionEvent | ParticipantEvent;

const PROGRAMME_EVENT_TYPES = new Set<string>([
  ...PROJECT_EVENT_TYPES,
  ...SESSION_EVENT_TYPES,
  ...PARTICIPANT_EVENT_TYPES,
]);

/** The log holds other events too (report publications, …): projections skip them. */
export function isProgrammeEvent(event: { readonly type: string }): event is ProgrammeEvent {
  return PROGRAMME_EVENT_TYPES.has(event.type);
}

/** The stream a programme event is stored in (spec/domain.md, "Streams"). */
export function streamOfEvent(event: ProgrammeEvent): string {
  switch (event.type) {
    case 'ProjectSubmitted':
    case 'ProjectApproved':
    case 'ProjectRejected':
    case 'OutreachRecorded':
    case 'ProjectNarrativeWritten':
      return projectStream(event.data.projectId);
    case 'SessionHeld':
    case 'SessionCancelled':
    case 'ParticipantAttended':
    case 'AttendanceRetracted':
      return sessionStream(event.data.sessionId);
    case 'ParticipantRegistered':
    case 'StageObtained':
    case 'OutcomeRecorded':
      return participantStream(event.data.participantId);
    default:
      return assertNever(event);
  }
}
