import { ImportTooLargeError } from '../import-errors.js';

/** A cell as a spreadsheet gives it: text (always, from a CSV), or a typed XLSX cell. */
export type Cell = string | number | boolean | Date | null;

/** One data row, with its spreadsheet line (the header is line 1). */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** What one import takes (docs/api.md, "Imports"). */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 100_000,
  /** More columns than any kind has, with room for a few blank ones a spreadsheet leaves. */
  columns: 64,
  /** Everything an XLSX file expands to: far above 100,000 rows of any kind, far below a zip bomb. */
  xlsxExpandedBytes: 256 * 1024 * 1024,
} as const;

export const isBlank = (cell: Cell | undefined): boolean =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');

/**
 * Makes a sheet's data rows into what the import takes, once told the header
 * (where it refuses unknown or missing columns): each row is made as it is
 * read, so a sheet's cells are never all held at once.
 */
export type RowReader<R> = (header: readonly string[]) => (row: SheetRow) => R;

/**
 * A spreadsheet checked as a whole when opened (its bytes decoded as text, or
 * its zip's expansion bounded), whose rows can then be read as often as needed,
 * each time as they are parsed.
 */
export interface Sheet {
  rows<R>(reader: RowReader<R>): AsyncGenerator<R>;
}

/**
 * A sheet's rows as a reader makes them, line after line: the first line is the
 * header (as text), the data rows follow, blank ones left out; a sheet without
 * a header row is told to the reader as an empty header.
 */
export async function* sheetRows<R>(lines: AsyncIterable<SheetRow>, reader: RowReader<R>): AsyncGenerator<R> {
  let toRow: ((row: SheetRow) => R) | undefined;
  let rows = 0;
  for await (const row of lines) {
    if (toRow === undefined) {
      toRow = reader(row.cells.map((cell) => (isBlank(cell) ? '' : String(cell))));
      continue;
    }
    if (row.cells.every((cell) => isBlank(cell))) continue;
    if (rows === IMPORT_LIMITS.rows) {
      throw new ImportTooLargeError(`An import takes at most ${IMPORT_LIMITS.rows.toLocaleString('en')} rows`);
    }
    rows += 1;
    yield toRow(row);
  }
  if (toRow === undefined) reader([]);
}
