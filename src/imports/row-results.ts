import type { KindedError } from '../shared/errors.js';
import type { RowResult } from './row-progress.js';

const OUTCOMES = ['new', 'repeat', 'refused'] as const;
/** No position: a row refused before it wrote anything, or what a dry run would write. */
const NO_POSITION = -1n;

/**
 * What became of each row of a file, kept compactly while the import runs (up
 * to 100,000 rows): lines, outcomes and positions in typed arrays, one id a
 * row, and the error in full for refused rows only. A row's answer is made
 * again when the import is answered.
 */
export class RowResults {
  readonly summary = { new: 0, repeat: 0, refused: 0 };
  private readonly lines: Uint32Array;
  private readonly outcomes: Uint8Array;
  private readonly positions: BigInt64Array;
  private readonly ids: string[];
  private readonly refusals = new Map<number, KindedError>();

  constructor(readonly length: number) {
    this.lines = new Uint32Array(length);
    this.outcomes = new Uint8Array(length);
    this.positions = new BigInt64Array(length).fill(NO_POSITION);
    this.ids = new Array<string>(length);
  }

  set(index: number, { line, outcome, id, position, refusal }: RowResult): void {
    this.lines[index] = line;
    this.outcomes[index] = OUTCOMES.indexOf(outcome);
    this.ids[index] = id;
    if (position !== undefined) this.positions[index] = position;
    if (refusal !== undefined) this.refusals.set(index, refusal);
    this.summary[outcome] += 1;
  }

  at(index: number): RowResult {
    const position = this.positions[index]!;
    const refusal = this.refusals.get(index);
    return {
      line: this.lines[index]!,
      outcome: OUTCOMES[this.outcomes[index]!]!,
      id: this.ids[index]!,
      ...(position === NO_POSITION ? {} : { position }),
      ...(refusal === undefined ? {} : { refusal }),
    };
  }

  /** Each row's answer, in file order, made as it is asked for. */
  map<T>(answer: (result: RowResult, index: number) => T): T[] {
    return Array.from({ length: this.length }, (_, index) => answer(this.at(index), index));
  }
}
