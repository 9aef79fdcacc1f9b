import { parse } from 'csv-parse/sync';

/**
 * Reads a CSV file back as a spreadsheet would (RFC 4180: quoted fields, `""`
 * for a quote, CRLF between records), so a test sees the cells a user sees.
 * Parsed by csv-parse, not by the writer's own rules: a field the writer quotes
 * wrongly shows here. A byte order mark stays in the first cell, as it is.
 */
export function csvRows(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, record_delimiter: '\r\n', relax_column_count: true, bom: false });
}
