import {
  answerSchema,
  arrayOf,
  integer,
  mapOf,
  nullable,
  object,
  oneOf,
  position,
  sha256Hex,
  string,
  timestamp,
  type JsonSchema,
} from '../http/answer-schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const reportProject = object({
  id: string,
  title: string,
  year: integer,
  kind: oneOf('local', 'thematic'),
  theme: nullable(string),
  mdes: arrayOf(string),
  carrier: object({ name: string, type: string }),
  narrative: nullable(string),
  figures: ref('ActivityFigures'),
});

const phrase = object({ figure: string, text: string });

/** Inline, not a component: OpenAPI 3.0 ignores `nullable` beside a `$ref`. */
const anchor = object({
  position,
  hash: sha256Hex,
  check: { ...string, pattern: '^[0-9]{2}$', description: 'Two digits that catch a mistyped position or hash' },
  typed: {
    ...string,
    description: 'position:hash in groups of 4:check, as printed; what `indicators verify --anchor` takes',
  },
});

export const ReportAnswer = answerSchema(
  'Report',
  object(
    {
      year: integer,
      language: oneOf('fr', 'nl'),
      position,
      ledgerHash: nullable(sha256Hex),
      anchor: {
        ...nullable(anchor),
        description: 'The chain head printed in every format; absent from publications made before it was printed',
      },
      asOf: nullable(timestamp),
      programme: object({
        funded: integer,
        shares: nullable(
          object({
            allJobSeekers: integer,
            targetsPartners: integer,
            communes: integer,
            missionsLocalesOrAle: integer,
            cpas: integer,
          }),
        ),
        figures: object({
          projects: object({ submitted: ref('ProjectCounts'), approved: ref('ProjectCounts'), rejected: integer }),
          activity: ref('ActivityFigures'),
        }),
      }),
      thematic: arrayOf(reportProject),
      local: arrayOf(reportProject),
      phrases: object({ programme: arrayOf(phrase), projects: mapOf(arrayOf(phrase)) }),
    },
    ['anchor'],
  ),
);

const publication = answerSchema(
  'Publication',
  object({
    year: integer,
    number: integer,
    reportPosition: position,
    language: oneOf('fr', 'nl'),
    figureDefinitions: integer,
    digests: { ...mapOf(sha256Hex), description: 'SHA-256 of each format as published, by format' },
    ledgerHash: nullable(sha256Hex),
    anchor: {
      ...nullable(anchor),
      description: 'The chain head at the publication: verify it with GET /api/audit/ledger/anchors/{position}',
    },
  }),
);

export const PublishedAnswer = answerSchema(
  'Published',
  object({ id: { ...string, description: 'The publication number' }, position, publication }),
);

export const PublicationsAnswer = answerSchema(
  'Publications',
  object({ year: integer, publications: arrayOf(publication) }),
);

export const PublicationChangesAnswer = answerSchema(
  'PublicationChanges',
  object({
    year: integer,
    publication,
    position,
    changes: arrayOf(
      object({
        scope: string,
        figure: string,
        published: integer,
        now: integer,
        events: arrayOf(
          object({ position, stream: string, type: string, recordedAt: timestamp, actor: string, delta: integer }),
        ),
      }),
    ),
  }),
);

/** The media types of a report, as negotiated by Accept. */
export function reportContent(mediaTypes: readonly string[]): { content: Record<string, { schema: JsonSchema }> } {
  const content = Object.fromEntries(
    mediaTypes.map((type) => [
      type,
      { schema: type === 'application/json' ? ReportAnswer : { type: 'string', format: 'binary' } },
    ]),
  );
  return { content };
}
