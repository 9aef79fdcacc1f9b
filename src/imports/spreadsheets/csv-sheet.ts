import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { InvalidRequestError } from '../../shared/errors.js';
import { ImportTooLargeError } from '../import-errors.js';
import { IMPORT_LIMITS, isBlank, type Sheet, type SheetRow } from './sheet.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// What a French or Dutch Excel writes with "CSV (separator: semicolon)".
const windows1252 = new TextDecoder('windows-1252');

/**
 * A CSV file as users save it: UTF-8 with or without BOM, else Windows-1252;
 * `;` or `,` as delimiter, whichever the header line uses. Bytes that are no
 * text (NUL, other control characters) are refused before anything is parsed.
 */
export async function readCsv(bytes: Buffer): Promise<Sheet> {
  const text = decode(bytes);
  const control = firstControl(text);
  if (control !== undefined) {
    const code = control.toString(16).padStart(4, '0');
    throw new InvalidRequestError([
      { field: 'file', message: `is not a text file (it holds the control character U+${code})` },
    ]);
  }
  const parser = Readable.from([text]).pipe(
    parse({
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      // A field past 1 MiB is no spreadsheet cell: stop there rather than hold it.
      max_record_size: 1024 * 1024,
    }),
  );
  let header: string[] | undefined;
  const rows: SheetRow[] = [];
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      if (record.length > IMPORT_LIMITS.columns && record.slice(IMPORT_LIMITS.columns).some((cell) => !isBlank(cell))) {
        throw new InvalidRequestError([
          {
            field: `line ${line}`,
            message: `has ${record.length} cells; an import reads at most ${IMPORT_LIMITS.columns} columns`,
          },
        ]);
      }
      if (header === undefined) {
        header = record;
        continue;
      }
      if (record.every((cell) => isBlank(cell))) continue;
      if (rows.length === IMPORT_LIMITS.rows) {
        throw new ImportTooLargeError(`An import takes at most ${IMPORT_LIMITS.rows.toLocaleString('en')} rows`);
      }
      rows.push({ line, cells: record });
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('CSV_')) {
      throw new InvalidRequestError([{ field: 'file', message: `is not a readable CSV file (${error.message})` }]);
    }
    throw error;
  }
  return { header: header ?? [], rows };
}

/** The first control character but tab, line feed and carriage return: no text holds one (a NUL says binary). */
function firstControl(text: string): number | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return code;
  }
  return undefined;
}

function decode(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

/** The delimiter of the header line: `;` when it has more of them than commas outside quotes. */
function delimiterOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}
