import {
  answerSchema,
  arrayOf,
  integer,
  nullable,
  number,
  object,
  position,
  sha256Hex,
  string,
} from '../http/answer-schemas.js';

const loggedEvent = answerSchema(
  'LoggedEvent',
  object({
    position,
    stream: string,
    revision: integer,
    id: string,
    type: string,
    data: { type: 'object', description: "The event's fields, in its current schema version" },
    metadata: {
      ...object({
        recordedAt: string,
        actor: string,
        commandId: string,
        correlationId: string,
        causationId: string,
        schemaVersion: integer,
      }),
      description: 'Who recorded it, when, and for which command; other fields may be present',
    },
  }),
);

export const EventPageAnswer = answerSchema(
  'EventPage',
  object({
    events: arrayOf(loggedEvent),
    next: { ...nullable(position), description: 'The `after` of the next page; null on the last page' },
  }),
);

export const StreamAnswer = answerSchema('StreamEvents', object({ stream: string, events: arrayOf(loggedEvent) }));

export const LedgerHeadAnswer = answerSchema(
  'LedgerHead',
  object({ position, hash: { ...nullable(sha256Hex), description: 'null while the log is empty' } }),
);

export const RebuildAnswer = answerSchema('RebuildReport', object({ position, seconds: number }));
