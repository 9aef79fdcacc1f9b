import { stringify } from 'csv-stringify/sync';
import type { Catalogue } from '../catalogues/catalogue.js';
import type { ReportModel } from '../report.model.js';
import { anchorParts } from './report-text.js';

/** The separators a spreadsheet reads: `;` where the decimal mark is a comma (French, Dutch Excel). */
export const CSV_DELIMITERS = [';', ','] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * One row per project and figure, the programme's first (RFC 4180, CRLF line
 * ends), for a spreadsheet: a BOM so Excel reads UTF-8 ("année", not
 * "annÃ©e"), text that would run as a formula (`=`, `+`, `-`, `@`…) quoted
 * with a leading `'` (OWASP "CSV injection"), and the catalogue's separator
 * unless one is asked for.
 */
export function renderCsv(report: ReportModel, words: Catalogue, delimiter: CsvDelimiter = words.csvDelimiter): string {
  const rows: Array<readonly (string | number)[]> = [words.csvHeader];
  const year = report.year;
  for (const [figure, value] of flatten(report.programme.figures as unknown as Record<string, unknown>)) {
    rows.push([year, words.programmeRow, '', figure, value]);
  }
  for (const project of [...report.thematic, ...report.local]) {
    for (const [figure, value] of flatten(project.figures)) {
      rows.push([year, project.id, project.title, figure, value]);
    }
  }
  // Last, a comment row a reader skips (`#`) holding the anchor, one part a cell.
  const anchor = anchorParts(report, words);
  if (anchor) rows.push([`# ${anchor[0]}`, ...anchor.slice(1)]);
  return stringify(rows, { bom: true, delimiter, record_delimiter: 'windows', escape_formulas: true });
}

function flatten(figures: Record<string, unknown>, prefix = ''): Array<[string, number]> {
  return Object.entries(figures).flatMap(([key, value]): Array<[string, number]> => {
    if (typeof value === 'number') return [[`${prefix}${key}`, value]];
    if (value !== null && typeof value === 'object')
      return flatten(value as Record<string, unknown>, `${prefix}${key}.`);
    return [];
  });
}
