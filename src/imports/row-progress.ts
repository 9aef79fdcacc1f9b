import type { CommandOutcome } from '../command-handling/command-executor.js';
import type { CommandMessage } from '../command-handling/command-message.js';
import { KindedError } from '../shared/errors.js';
import type { ImportRow } from './import-columns.js';

/** What became of one row: what the one-by-one command would have answered. */
export interface RowResult {
  readonly line: number;
  readonly outcome: 'new' | 'repeat' | 'refused';
  readonly id: string;
  /** The log position of what the row wrote or repeated; none for what a dry run would write. */
  readonly position?: bigint;
  /** Why the row was refused: the error the one-by-one command would have raised. */
  readonly refusal?: KindedError;
}

/** A row on its way through its steps: what they answered so far. */
export class RowProgress {
  steps: readonly CommandMessage<object>[] = [];
  private created = false;
  private position: bigint | undefined;
  private refusal: KindedError | undefined;

  constructor(
    private readonly row: ImportRow,
    /** The id the one-by-one command answers with; until its commands are made, the one the row shows. */
    public id: string,
  ) {}

  /** Whether the row's remaining steps are still to be taken. */
  get standing(): boolean {
    return this.refusal === undefined;
  }

  settle(outcome: PromiseSettledResult<CommandOutcome>): void {
    if (outcome.status === 'rejected') return this.refuse(outcome.reason);
    this.created ||= outcome.value.status === 'created';
    this.position = outcome.value.position;
  }

  /** The store failing is no answer about the row: the import stops, as a one-by-one command would. */
  refuse(error: unknown): void {
    if (!(error instanceof KindedError) || error.kind === 'store-unavailable') throw error;
    this.refusal = error;
  }

  result(): RowResult {
    const { line } = this.row;
    if (this.refusal === undefined) {
      const position = this.position === undefined ? {} : { position: this.position };
      return { line, outcome: this.created ? 'new' : 'repeat', id: this.id, ...position };
    }
    // A refused attendance may have registered its participant first: that write is reported.
    const written = this.created && this.position !== undefined ? { position: this.position } : {};
    return { line, outcome: 'refused', id: this.id, ...written, refusal: this.refusal };
  }
}
