/** A cell as a spreadsheet gives it: text (always, from a CSV), or a typed XLSX cell. */
export type Cell = string | number | boolean | Date | null;

/** One data row, with its spreadsheet line (the header is line 1). */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** A spreadsheet's first sheet: its header and its data rows, blank rows left out. */
export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
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
