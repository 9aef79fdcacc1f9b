import type { ImportRow } from './import-columns.js';
import type { ImportKindDefinition } from './import-kinds.js';

/** Most rows decided together; a sign-in sheet's session holds far fewer. */
const MAX_GROUP_ROWS = 1000;

/** Consecutive rows of a sheet applied together. */
export interface RowGroup {
  /** Index of the group's first row in the sheet's rows. */
  readonly start: number;
  readonly rows: readonly ImportRow[];
  /** Every stream the group's rows read or write: groups sharing one run in file order. */
  readonly streams: readonly string[];
}

/**
 * The sheet's rows in groups: consecutive rows on the same first stream (an
 * attendance's session) that share no other stream (a participant named twice
 * starts a new group). Decided together, the rows of a group see what they
 * would see one by one, in file order, and their last steps go in one append.
 */
export function* rowGroups(rows: readonly ImportRow[], definition: ImportKindDefinition): Generator<RowGroup> {
  let start = 0;
  let first: string | undefined;
  let streams = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const [head = '', ...others] = definition.streams(row.values);
    const joins =
      index > start &&
      head === first &&
      index - start < MAX_GROUP_ROWS &&
      others.every((stream) => !streams.has(stream));
    if (!joins && index > start) {
      yield { start, rows: rows.slice(start, index), streams: [...streams] };
      start = index;
      streams = new Set();
    }
    first = head;
    streams.add(head);
    for (const stream of others) streams.add(stream);
  }
  if (rows.length > start) yield { start, rows: rows.slice(start), streams: [...streams] };
}
