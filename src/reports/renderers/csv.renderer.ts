import type { Catalogue } from '../catalogues/catalogue.js';
import type { ReportModel } from '../report.model.js';

/** One row per project and figure, the programme's first (RFC 4180, CRLF line ends). */
export function renderCsv(report: ReportModel, words: Catalogue): string {
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
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function flatten(figures: Record<string, unknown>, prefix = ''): Array<[string, number]> {
  return Object.entries(figures).flatMap(([key, value]): Array<[string, number]> => {
    if (typeof value === 'number') return [[`${prefix}${key}`, value]];
    if (value !== null && typeof value === 'object')
      return flatten(value as Record<string, unknown>, `${prefix}${key}.`);
    return [];
  });
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
