import { InvalidRequestError } from '../shared/errors.js';

/** The sort key of a listed item: the values it is ordered by, the last one unique. */
export type SortKey = readonly string[];

/** A page of a list (docs/api.md, "Reading back what was recorded"). */
export interface Page<T> {
  readonly items: T[];
  /** The `after` of the next page; null on the last page. */
  readonly next: string | null;
}

/** An answer with the log position it reflects. */
export type Positioned<T> = T & { readonly position: string };

/** What a client asks of a list: at most `limit` items, from the one after the cursor. */
export interface PageRequest {
  readonly limit: number;
  readonly after?: string | undefined;
}

export const LIST_PAGE = { default: 100, max: 500 } as const;

/**
 * The sort key a cursor names; a cursor the service did not make is a bad
 * request naming `after`. Cursors are opaque to clients: the sort key of the
 * last item of the page, so that a page stays stable while items are added
 * before or after it.
 */
export function keyAfter(page: PageRequest, arity: number): SortKey {
  if (page.after === undefined) return Array.from({ length: arity }, () => '');
  try {
    const key = JSON.parse(Buffer.from(page.after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string' && part !== '')) {
      return key as string[];
    }
  } catch {
    // Answered below, as any cursor the service did not make.
  }
  throw new InvalidRequestError([{ field: 'after', message: 'must be the next of an earlier page of the same list' }]);
}

/**
 * A page from the rows read after the cursor: the query reads `limit + 1` rows,
 * so that whether a next page exists is known without counting.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  page: PageRequest,
  keyOf: (row: Row) => SortKey,
  itemOf: (row: Row) => Item,
): Page<Item> {
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  const more = rows.length > page.limit && last !== undefined;
  return {
    items: shown.map(itemOf),
    next: more ? Buffer.from(JSON.stringify(keyOf(last)), 'utf8').toString('base64url') : null,
  };
}
