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
 * Makes a sheet's data rows into what the import keeps, once told the header
 * (where it refuses unknown or missing columns): each row is made as it is
 * read, so a sheet's cells are never all held at once.
 */
export type RowReader<R> = (header: readonly string[]) => (row: SheetRow) => R;

/** A sheet's rows as a reader reads them, line after line: the header, then data rows, blank ones left out. */
export class SheetRows<R> {
  private readonly rows: R[] = [];
  private toRow: ((row: SheetRow) => R) | undefined;

  constructor(private readonly reader: RowReader<R>) {}

  get headerRead(): boolean {
    return this.toRow !== undefined;
  }

  header(header: readonly string[]): void {
    this.toRow = this.reader(header);
  }

  row(line: number, cells: readonly Cell[]): void {
    if (cells.every((cell) => isBlank(cell))) return;
    if (this.rows.length === IMPORT_LIMITS.rows) {
      throw new ImportTooLargeError(`An import takes at most ${IMPORT_LIMITS.rows.toLocaleString('en')} rows`);
    }
    this.rows.push(this.toRow!({ line, cells }));
  }

  /** The rows made; a sheet without a header row is told to the reader as an empty header. */
  done(): R[] {
    this.toRow ??= this.reader([]);
    return this.rows;
  }
}
