import {
  answerSchema,
  arrayOf,
  boolean,
  integer,
  nullable,
  object,
  oneOf,
  position,
  sha256Hex,
  string,
  timestamp,
} from '../http/answer-schemas.js';
import { IMPORT_KINDS } from './import.events.js';

const kind = oneOf(...IMPORT_KINDS);
const counts = object({ new: integer, repeat: integer, refused: integer });

/** The problem details the one-by-one command would have answered for the row. */
const rowProblem = object(
  {
    type: string,
    title: string,
    status: integer,
    detail: string,
    errors: arrayOf(object({ field: string, message: string })),
  },
  ['errors'],
);

export const ImportAnswer = answerSchema(
  'ImportAnswer',
  object(
    {
      importId: string,
      dryRun: boolean,
      kind,
      rows: { ...integer, description: 'Data rows in the file (the header is line 1)' },
      summary: counts,
      results: arrayOf(
        object(
          {
            line: { ...integer, description: "The spreadsheet's row number: the first data row is line 2" },
            outcome: oneOf('new', 'repeat', 'refused'),
            id: { ...string, description: 'The id the one-by-one command answers with (as written when refused)' },
            position: {
              ...position,
              description: 'Where the row was written or first recorded; none for what a dry run would write',
            },
            problem: rowProblem,
          },
          ['position', 'problem'],
        ),
      ),
      position: { ...position, description: 'The ImportRecorded event, when the import wrote rows' },
    },
    ['position'],
  ),
);

export const ImportListAnswer = answerSchema(
  'ImportList',
  object({
    position,
    items: arrayOf(
      object({
        importId: string,
        kind,
        fileName: nullable(string),
        sha256: sha256Hex,
        counts: object({ rows: integer, new: integer, repeat: integer, refused: integer }),
        mdes: arrayOf(string),
        actor: string,
        recordedAt: timestamp,
        position,
      }),
    ),
    next: nullable(position),
  }),
);
