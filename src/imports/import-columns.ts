import { InvalidRequestError } from '../shared/errors.js';
import type { Column, ImportKindDefinition, RowValues } from './import-kinds.js';
import { isBlank, type Cell, type RowReader } from './spreadsheets/sheet.js';

/** A data row's values by API name, with its line. */
export interface ImportRow {
  readonly line: number;
  readonly values: RowValues;
}

/** Headers compared as people type them: case, accents, apostrophes and spacing aside. */
const headerKey = (header: string): string =>
  header.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The file's columns, each named in French, in Dutch or by its API name.
 * Unknown, repeated or missing columns are refused, all of them named, before
 * any row is read.
 */
export function columnsOf(
  sheet: { readonly header: readonly string[] },
  kind: ImportKindDefinition,
): (Column | undefined)[] {
  const known = new Map<string, Column>();
  for (const column of kind.columns) {
    for (const name of [column.name, column.fr, column.nl, ...(column.aliases ?? [])])
      known.set(headerKey(name), column);
  }
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  const columns = sheet.header.map((header) => {
    if (isBlank(header)) return undefined;
    const column = known.get(headerKey(header));
    if (!column) errors.push({ field: header, message: 'unknown column' });
    else if (seen.has(column.name)) errors.push({ field: header, message: `repeats the column ${column.name}` });
    else seen.add(column.name);
    return column;
  });
  for (const column of kind.columns) {
    if (column.required && !seen.has(column.name)) {
      errors.push({ field: column.name, message: `missing column (${column.fr} / ${column.nl})` });
    }
  }
  if (sheet.header.length === 0) errors.push({ field: 'file', message: 'has no header row' });
  if (errors.length > 0) throw new InvalidRequestError(errors);
  return columns;
}

/** Each data row's values by API name, converted as its column's type says, once the header's columns are known. */
export function importRows(kind: ImportKindDefinition): RowReader<ImportRow> {
  return (header) => {
    const columns = columnsOf({ header }, kind);
    return ({ line, cells }) => {
      const values: Record<string, unknown> = {};
      columns.forEach((column, index) => {
        const cell = cells[index];
        if (column && !isBlank(cell)) values[column.name] = valueOf(column, cell!);
      });
      return { line, values };
    };
  };
}

/**
 * The header's columns checked as `importRows` checks them, each row let go as
 * soon as it is read: the first reading of a file, which refuses it (columns,
 * cells, rows) before anything is written and keeps nothing.
 */
export function rowsChecked(kind: ImportKindDefinition): RowReader<null> {
  return (header) => {
    columnsOf({ header }, kind);
    return () => null;
  };
}

const TRUE = new Set(['true', 'oui', 'ja', '1', 'vrai', 'waar', 'yes']);
const FALSE = new Set(['false', 'non', 'nee', '0', 'faux', 'onwaar', 'no']);

/**
 * A cell as the API's field: what cannot be read as the column's type is
 * passed on as written, for the command's DTO to refuse with its own message.
 */
export function valueOf(column: Column, cell: Cell): unknown {
  switch (column.type) {
    case 'boolean':
      return booleanOf(cell);
    case 'integer':
      return typeof cell === 'string' && /^\s*\d{1,9}\s*$/.test(cell) ? Number(cell) : textOrSelf(cell);
    case 'date':
      return dateOf(cell);
    case 'text':
      return textOf(cell);
  }
}

function booleanOf(cell: Cell): unknown {
  if (typeof cell === 'boolean') return cell;
  const text = String(cell).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return textOf(cell);
}

const pad = (value: string): string => value.padStart(2, '0');
// Excel's day 0 is 1899-12-30 (it counts 1900 as a leap year).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD`, `DD/MM/YYYY` (French), `DD-MM-YYYY` (Dutch), `DD.MM.YYYY`, or a date cell. */
function dateOf(cell: Cell): unknown {
  if (cell instanceof Date) return isoDate(cell);
  // A date typed in a cell formatted as a number: Excel's serial day.
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 2_958_466) {
    return isoDate(new Date(EXCEL_EPOCH_MS + cell * 86_400_000));
  }
  const text = textOf(cell);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return dayFirst ? `${dayFirst[3]}-${pad(dayFirst[2]!)}-${pad(dayFirst[1]!)}` : text;
}

/** A date cell is a day: exceljs reads it as midnight UTC. */
const isoDate = (date: Date): string =>
  Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString().slice(0, 10);

function textOf(cell: Cell): string {
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).trim();
}

const textOrSelf = (cell: Cell): unknown => (typeof cell === 'number' ? cell : textOf(cell));
