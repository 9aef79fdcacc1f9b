import { RowResults } from '../../src/imports/row-results.js';
import { InvalidRequestError } from '../../src/shared/errors.js';

describe("an import's row results, kept compactly", () => {
  it('gives back each row as it was told, in file order, and counts the outcomes', () => {
    const refusal = new InvalidRequestError([{ field: 'participantId', message: 'must be set' }]);
    const results = new RowResults(4);
    results.set(2, { line: 5, outcome: 'refused', id: '', refusal });
    results.set(0, { line: 2, outcome: 'new', id: 'p-1', position: 12n });
    results.set(1, { line: 4, outcome: 'repeat', id: 'p-2', position: 0n });
    results.set(3, { line: 6, outcome: 'refused', id: 'p-3', position: 13n, refusal });

    expect(results.map((result) => result)).toEqual([
      { line: 2, outcome: 'new', id: 'p-1', position: 12n },
      { line: 4, outcome: 'repeat', id: 'p-2', position: 0n },
      { line: 5, outcome: 'refused', id: '', refusal },
      { line: 6, outcome: 'refused', id: 'p-3', position: 13n, refusal },
    ]);
    expect(results.summary).toEqual({ new: 1, repeat: 1, refused: 2 });
  });

  it('answers no position for a row told none (what a dry run would write)', () => {
    const results = new RowResults(1);
    results.set(0, { line: 2, outcome: 'new', id: 'p-1' });

    expect(results.map((result) => 'position' in result)).toEqual([false]);
  });
});
