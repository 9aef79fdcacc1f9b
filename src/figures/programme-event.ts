import { participantStream, projectStream, sessionStream } from '../shared/domain/ids.js';
import { PARTICIPANT_EVENT_TYPES, type ParticipantEvent } from '../participants/participant.events.js';
import { PROJECT_EVENT_TYPES, type ProjectEvent } from '../projects/project.events.js';
import { SESSION_EVENT_TYPES, type SessionEvent } from '../sessions/session.events.js';

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

const isOneOf = <Event extends ProgrammeEvent>(
  event: ProgrammeEvent,
  types: readonly Event['type'][],
): event is Event => (types as readonly string[]).includes(event.type);

/** The stream a programme event is stored in (docs/domain.md, "What is recorded"): its aggregate's. */
export function streamOfEvent(event: ProgrammeEvent): string {
  if (isOneOf<ProjectEvent>(event, PROJECT_EVENT_TYPES)) return projectStream(event.data.projectId);
  if (isOneOf<SessionEvent>(event, SESSION_EVENT_TYPES)) return sessionStream(event.data.sessionId);
  return participantStream(event.data.participantId);
}
