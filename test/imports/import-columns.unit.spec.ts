import { columnsOf, valueOf } from '../../src/imports/import-columns.js';
import { IMPORT_KIND_DEFINITIONS, type Column } from '../../src/imports/import-kinds.js';
import { ConflictError } from '../../src/shared/domain/errors.js';
import { importDecider } from '../../src/imports/import.decider.js';
import { specificationFor } from '../support/decider-specification.js';

const column = (type: Column['type']): Column => ({ name: 'x', fr: 'x', nl: 'x', type, required: true });

describe('cells as spreadsheets give them', () => {
  it.each([
    ['18/07/2022', '2022-07-18'],
    ['8/7/2022', '2022-07-08'],
    ['18-7-2022', '2022-07-18'],
    ['18.07.2022', '2022-07-18'],
    ['2022-07-18', '2022-07-18'],
    [44760, '2022-07-18'],
    [new Date(Date.UTC(2022, 6, 18)), '2022-07-18'],
    ['31/02/2022', '2022-02-31'],
    ['juillet', 'juillet'],
  ])('reads the date %p as %p (what is no date is passed on for the DTO to refuse)', (cell, expected) => {
    expect(valueOf(column('date'), cell)).toBe(expected);
  });

  it.each([
    ['oui', true],
    ['Non', false],
    ['ja', true],
    ['NEE', false],
    ['1', true],
    ['0', false],
    [true, true],
    ['misschien', 'misschien'],
  ])('reads the boolean %p as %p', (cell, expected) => {
    expect(valueOf(column('boolean'), cell)).toBe(expected);
  });

  it('reads whole numbers typed as text, and keeps ids typed as numbers as text', () => {
    expect(valueOf(column('integer'), ' 180 ')).toBe(180);
    expect(valueOf(column('integer'), '1,5')).toBe('1,5');
    expect(valueOf(column('text'), 12)).toBe('12');
    expect(valueOf(column('text'), '  p-1 ')).toBe('p-1');
  });
});

describe('headers in French, Dutch or the API names', () => {
  const attendances = IMPORT_KIND_DEFINITIONS.attendances;

  it('matches headers whatever their case, accents and apostrophes', () => {
    const header = ['SEANCE', 'deelnemer', 'Role', "Inscrit comme chercheur d'emploi", ''];
    expect(columnsOf({ header }, attendances).map((c) => c?.name)).toEqual([
      'sessionId',
      'participantId',
      'role',
      'registeredJobSeeker',
      undefined,
    ]);
  });

  it('names every unknown, repeated or missing column', () => {
    expect(() => columnsOf({ header: ['Séance', 'Sessie', 'Colour'] }, attendances)).toThrow(
      'Sessie: repeats the column sessionId; Colour: unknown column; participantId: missing column (Participant / Deelnemer)',
    );
  });
});

describe('import decider', () => {
  const { given } = specificationFor(importDecider);
  const data = {
    importId: 'i-1',
    kind: 'participants' as const,
    fileName: 'a.csv',
    sha256: 'a'.repeat(64),
    counts: { rows: 2, new: 1, repeat: 0, refused: 1 },
    mdes: [],
  };

  it('records an import once; the same record again is a repeat, another one a conflict', () => {
    given([])
      .when({ type: 'RecordImport', data })
      .then([{ type: 'ImportRecorded', data }]);
    given([{ type: 'ImportRecorded', data }])
      .when({ type: 'RecordImport', data })
      .thenAlreadyApplied(0);
    given([{ type: 'ImportRecorded', data }])
      .when({ type: 'RecordImport', data: { ...data, counts: { ...data.counts, new: 2 } } })
      .thenThrows(ConflictError, /already recorded/);
  });
});
