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
  position,
  string,
  timestamp,
} from '../http/answer-schemas.js';

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
