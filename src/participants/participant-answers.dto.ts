import {
  answerSchema,
  boolean,
  calendarDate,
  integer,
  object,
  oneOf,
  pageOfItems,
  position,
  string,
  timestamp,
} from '../http/answer-schemas.js';
import { OUTREACH_AUDIENCES } from '../projects/project.events.js';
import { OUTCOME_TYPES, PARTICIPANT_ROLES } from './participant.events.js';

export const ParticipantRecordSchema = answerSchema(
  'ParticipantRecord',
  object({ id: string, role: oneOf(...PARTICIPANT_ROLES), registeredJobSeeker: boolean, position }),
);

export const StagePageSchema = answerSchema(
  'StagePage',
  pageOfItems(
    answerSchema(
      'StageEntry',
      object({
        id: string,
        participantId: string,
        startDate: calendarDate,
        sector: string,
        companyId: string,
        recordedAt: timestamp,
      }),
    ),
  ),
);

export const OutreachPageSchema = answerSchema(
  'OutreachPage',
  pageOfItems(
    answerSchema(
      'OutreachEntry',
      object({
        id: string,
        date: calendarDate,
        audience: oneOf(...OUTREACH_AUDIENCES),
        count: { ...integer, minimum: 1 },
        recordedAt: timestamp,
      }),
    ),
  ),
);

export const OutcomePageSchema = answerSchema(
  'OutcomePage',
  pageOfItems(
    answerSchema(
      'OutcomeEntry',
      object({
        id: string,
        participantId: string,
        type: oneOf(...OUTCOME_TYPES),
        date: calendarDate,
        recordedAt: timestamp,
      }),
    ),
  ),
);
