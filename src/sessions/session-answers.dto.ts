import {
  answerSchema,
  arrayOf,
  boolean,
  calendarDate,
  integer,
  nullable,
  object,
  oneOf,
  pageOfItems,
  position,
  string,
  timestamp,
} from '../http/answer-schemas.js';
import { PARTICIPANT_ROLES } from '../participants/participant.events.js';
import { SESSION_KINDS } from './session.events.js';

const listing = {
  id: string,
  date: calendarDate,
  kind: oneOf(...SESSION_KINDS),
  title: nullable(string),
  location: nullable(string),
  cancelled: boolean,
  attendances: { ...integer, description: 'Counted attendances: none retracted, none when the session was cancelled' },
};

export const SessionPageSchema = answerSchema(
  'SessionPage',
  pageOfItems(answerSchema('SessionListing', object(listing))),
);

export const SessionRecordSchema = answerSchema(
  'SessionRecord',
  object({
    ...listing,
    projectId: string,
    cancellation: nullable(object({ reason: string, cancelledAt: timestamp })),
    recordedAt: timestamp,
    attendees: {
      ...arrayOf(object({ participantId: string, retracted: boolean, retractionReason: nullable(string) })),
      description: 'Everyone whose attendance was recorded, in the order recorded',
    },
    position,
  }),
);

export const ProjectParticipantPageSchema = answerSchema(
  'ProjectParticipantPage',
  pageOfItems(
    answerSchema(
      'ProjectParticipant',
      object({
        participantId: string,
        role: oneOf(...PARTICIPANT_ROLES),
        registeredJobSeeker: boolean,
        attendances: { ...integer, description: "Counted attendances at the project's sessions" },
      }),
    ),
  ),
);
