import {
  answerSchema,
  arrayOf,
  boolean,
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

export const AnchorVerificationAnswer = answerSchema(
  'AnchorVerification',
  object({
    position,
    hash: sha256Hex,
    check: { ...string, pattern: '^[0-9]{2}$', description: 'The check code of this position and hash' },
    recomputed: { ...sha256Hex, description: 'The chain head recomputed now from the events up to the position' },
    matches: boolean,
    events: { ...integer, description: 'Events chained to recompute it' },
    firstDifference: {
      ...nullable(
        object({
          position: { ...nullable(position), description: 'null when the ledger no longer holds the published links' },
          reason: string,
        }),
      ),
      description: 'Where the log now departs from the one anchored; null when it matches',
    },
  }),
);
