import {
  answerSchema,
  arrayOf,
  integer,
  mapOf,
  number,
  object,
  oneOf,
  position,
  string,
  timestamp,
  type JsonSchema,
} from '../http/answer-schemas.js';
import { ACTIVITY_FIGURES, PROJECT_FIGURES, type FigureDefinition } from './figure-definitions.js';

/** A figure's schema, read from its definition: a breakdown is a map, a ratio a number, any other a count. */
function figureSchema(definition: FigureDefinition): JsonSchema {
  const schema = definition.by ? mapOf(integer) : definition.counting.kind === 'ratio' ? number : integer;
  const description = definition.by
    ? `By ${definition.by}; a key whose count is zero may be left out`
    : definition.counting.kind === 'distinct'
      ? `Distinct ${definition.counting.of}s within the scope`
      : undefined;
  return description ? { ...schema, description } : schema;
}

const figuresOf = (definitions: Record<string, FigureDefinition>): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(definitions).map(([name, definition]) => [name, figureSchema(definition)]));

const activity = answerSchema('ActivityFigures', object(figuresOf(ACTIVITY_FIGURES)));
const projectCounts = answerSchema('ProjectCounts', object(figuresOf(PROJECT_FIGURES)));
const programmeFields = {
  year: integer,
  position,
  projects: object({ submitted: projectCounts, approved: projectCounts, rejected: integer }),
  activity,
};

export const ProgrammeFiguresSchema = answerSchema('ProgrammeFigures', object(programmeFields));
export const MdeFiguresSchema = answerSchema('MdeFigures', object({ ...programmeFields, mde: string }));
export const ProjectFiguresSchema = answerSchema(
  'ProjectFigures',
  object(
    {
      year: integer,
      position,
      projectId: string,
      ...figuresOf(ACTIVITY_FIGURES),
      targets: { ...mapOf(integer), description: 'The targets the project set itself, when it did' },
    },
    ['targets'],
  ),
);

const loggedEntry = { position, stream: string, type: string, recordedAt: timestamp, actor: string };

export const ProvenanceAnswer = answerSchema(
  'Provenance',
  object(
    {
      year: integer,
      figure: string,
      value: integer,
      position: { ...position, description: 'The position of the last event replayed' },
      total: { ...integer, description: 'How many events the figure is made of, over all pages' },
      next: {
        ...string,
        description: 'The `after` of the next page, when there is one (ask it with atPosition = position)',
      },
      events: arrayOf(
        object(
          {
            ...loggedEntry,
            counts: { ...integer, description: 'What the event adds to the figure; they add up to `value`' },
            item: { ...string, description: 'For a distinct count: the participant, sector or company it counts' },
          },
          ['item'],
        ),
      ),
    },
    ['next'],
  ),
);

export const CorrectionsAnswer = answerSchema(
  'Corrections',
  object({
    year: integer,
    corrections: arrayOf(
      object(
        {
          ...loggedEntry,
          type: oneOf('SessionCancelled', 'AttendanceRetracted'),
          sessionId: string,
          participantId: string,
          reason: string,
          changes: arrayOf(object({ scope: string, figure: string, delta: integer })),
        },
        ['participantId'],
      ),
    ),
  }),
);
