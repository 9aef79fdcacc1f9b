import { KindedError } from '../shared/errors.js';

export const REPORT_FORMATS = {
  json: 'application/json',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  csv: 'text/csv',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** The text formats a publication records a digest of (a PDF is printed from the HTML). */
export const DIGESTED_FORMATS: readonly ReportFormat[] = ['json', 'markdown', 'html', 'csv'];

export class NotAcceptableError extends KindedError {
  readonly kind = 'not-acceptable';

  constructor(accept: string) {
    super(`The report is available as ${Object.values(REPORT_FORMATS).join(', ')}; not as ${accept}`);
  }
}

/** The format the Accept header prefers (q-values honoured); JSON when any will do. */
export function negotiateFormat(accept: string | undefined): ReportFormat {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { range: range.trim(), q: q === undefined ? 1 : Number(q.slice(2)), order };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { range } of ranges) {
    if (range === '*/*' || range === 'application/*') return 'json';
    if (range === 'text/*') return 'markdown';
    const format = (Object.keys(REPORT_FORMATS) as ReportFormat[]).find((key) => REPORT_FORMATS[key] === range);
    if (format) return format;
  }
  throw new NotAcceptableError(accept);
}
