import {
  answerSchema,
  arrayOf,
  boolean,
  integer,
  mapOf,
  nullable,
  number,
  object,
  oneOf,
  pageOfItems,
  position,
  string,
  timestamp,
} from '../http/answer-schemas.js';
import { CARRIER_TYPES, PROJECT_KINDS } from './project.events.js';
import { PROJECT_STATUSES } from './read-model/project-directory.projection.js';

export const ProjectAnswerSchema = answerSchema(
  'Project',
  object(
    {
      id: string,
      year: integer,
      title: string,
      mdes: arrayOf(string),
      carrier: object({ name: string, type: string }),
      kind: oneOf('local', 'thematic'),
      theme: string,
      audience: oneOf('all-job-seekers', 'specific'),
      targetsPartners: boolean,
      targets: mapOf(integer),
      status: oneOf('submitted', 'approved', 'rejected'),
      submittedAt: timestamp,
      decision: nullable(
        object(
          { decision: oneOf('approved', 'rejected'), fundedAmount: number, reason: string, decidedAt: timestamp },
          ['fundedAmount', 'reason'],
        ),
      ),
      narratives: {
        ...mapOf(object({ text: string, writtenAt: timestamp })),
        description: 'The latest narrative of each report year, by year',
      },
      revision: { ...integer, description: "Revision of the project stream's last event" },
      position,
    },
    ['theme', 'targets'],
  ),
);

export const ProjectPageSchema = answerSchema(
  'ProjectPage',
  pageOfItems(
    answerSchema(
      'ProjectListing',
      object({
        id: string,
        year: integer,
        title: string,
        mdes: arrayOf(string),
        kind: oneOf(...PROJECT_KINDS),
        theme: nullable(string),
        status: oneOf(...PROJECT_STATUSES),
        carrier: object({ name: string, type: oneOf(...CARRIER_TYPES) }),
      }),
    ),
  ),
);
