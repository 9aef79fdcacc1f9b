import type { ImportRow } from './import-columns.js';
import type { ImportKindDefinition } from './import-kinds.js';

/** Most rows decided together; a sign-in sheet's session holds far fewer. */
const MAX_GROUP_ROWS = 1000;

/** Consecutive rows of a sheet applied together. */
export interface RowGroup {
  /** Index of the group's first row among the sheet's data rows. */
  readonly start: number;
  readonly rows: readonly ImportRow[];
  /** Every stream the group's rows read or write: groups sharing one run in file order. */
  readonly streams: readonly string[];
}

/**
 * The sheet's rows in groups, as they are read: consecutive rows on the same
 * first stream (an attendance's session) that share no other stream (a
 * participant named twice starts a new group). Decided together, the rows of a
 * group see what they would see one by one, in file order, and their last
 * steps go in one append.
 */
export async function* rowGroups(
  rows: AsyncIterable<ImportRow>,
  definition: ImportKindDefinition,
): AsyncGenerator<RowGroup> {
  let start = 0;
  let group: ImportRow[] = [];
  let first: string | undefined;
  let streams = new Set<string>();
  for await (const row of rows) {
    const [head = '', ...others] = definition.streams(row.values);
    const joins =
      group.length > 0 &&
      head === first &&
      group.length < MAX_GROUP_ROWS &&
      others.every((stream) => !streams.has(stream));
    if (!joins && group.length > 0) {
      yield { start, rows: group, streams: [...streams] };
      start += group.length;
      group = [];
      streams = new Set();
    }
    group.push(row);
    first = head;
    streams.add(head);
    for (const stream of others) streams.add(stream);
  }
  if (group.length > 0) yield { start, rows: group, streams: [...streams] };
}
