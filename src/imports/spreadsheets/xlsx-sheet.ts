import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { InvalidRequestError } from '../../shared/errors.js';
import { ImportTooLargeError } from '../import-errors.js';
import { IMPORT_LIMITS, isBlank, sheetRows, type Cell, type Sheet, type SheetRow } from './sheet.js';

const notXlsx = (why: string) =>
  new InvalidRequestError([{ field: 'file', message: `is not a readable XLSX file (${why})` }]);

/**
 * The first sheet of an XLSX file, read as a stream (exceljs). A zip bomb
 * (small compressed, huge expanded) is refused when the file is opened: every
 * entry is inflated once, counted, and checked against the size its directory
 * declares (yauzl), so no later read can expand the file beyond a known bound.
 * Formulas are kept as their text, never evaluated.
 */
export async function xlsxSheet(bytes: Buffer): Promise<Sheet> {
  await checkExpansion(bytes);
  return { rows: (reader) => sheetRows(xlsxLines(bytes), reader) };
}

async function* xlsxLines(bytes: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      let header = true;
      for await (const row of worksheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellOf);
        yield { line: row.number, cells: header ? cells.map((cell) => (isBlank(cell) ? '' : textOf(cell))) : cells };
        header = false;
      }
      // The first sheet only (docs/api.md).
      break;
    }
  } catch (error) {
    if (error instanceof InvalidRequestError || error instanceof ImportTooLargeError) throw error;
    throw notXlsx(error instanceof Error ? error.message : String(error));
  }
}

/** A cell's value as exceljs reads it: formulas, rich text and hyperlinks become their text. */
function cellOf(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.formula === 'string') return `=${object.formula}`;
  if (typeof object.sharedFormula === 'string') return `=${object.sharedFormula}`;
  if (Array.isArray(object.richText)) {
    return (object.richText as { text?: unknown }[])
      .map((part) => (typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  if (typeof object.text === 'string') return object.text;
  if (typeof object.error === 'string') return object.error;
  return JSON.stringify(value);
}

const textOf = (cell: Cell): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));

/** Inflates every entry once: each must expand to what the directory declares, all of them within the bound. */
async function checkExpansion(bytes: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error ? reject(notXlsx(error.message)) : resolve(file),
    ),
  );
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      zip.close();
      reject(
        error instanceof InvalidRequestError || error instanceof ImportTooLargeError ? error : notXlsx(error.message),
      );
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > IMPORT_LIMITS.xlsxExpandedBytes) {
        fail(
          new ImportTooLargeError(
            `The XLSX file expands to more than ${IMPORT_LIMITS.xlsxExpandedBytes / 1024 / 1024} MiB: refused unread`,
          ),
        );
        return;
      }
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        stream.on('error', fail);
        stream.on('end', () => zip.readEntry());
        stream.resume();
      });
    });
    zip.readEntry();
  });
}
