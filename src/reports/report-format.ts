import { KindedError } from '../shared/errors.js';

/** The formats of the report: the media type it is asked for and sent as, the extension of its file. */
export const REPORT_FORMATS = {
  json: { mediaType: 'application/json', extension: 'json' },
  markdown: { mediaType: 'text/markdown', extension: 'md' },
  html: { mediaType: 'text/html', extension: 'html' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

const FORMATS = Object.keys(REPORT_FORMATS) as ReportFormat[];

export const REPORT_MEDIA_TYPES: readonly string[] = FORMATS.map((format) => REPORT_FORMATS[format].mediaType);

/** What the command line takes for a format: its name or its file extension (`markdown` or `md`). */
export const REPORT_FORMAT_NAMES: readonly string[] = [
  ...new Set(FORMATS.flatMap((format) => [REPORT_FORMATS[format].extension, format])),
];

export function formatNamed(name: string): ReportFormat | undefined {
  return FORMATS.find((format) => format === name || REPORT_FORMATS[format].extension === name);
}

/** The text formats a publication always stores (the PDF too, when Chromium prints it at publication). */
export const DIGESTED_FORMATS: readonly ReportFormat[] = ['json', 'markdown', 'html', 'csv'];

export class NotAcceptableError extends KindedError {
  readonly kind = 'not-acceptable';

  constructor(accept: string) {
    super(`The report is available as ${REPORT_MEDIA_TYPES.join(', ')}; not as ${accept}`);
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
    const format = FORMATS.find((key) => REPORT_FORMATS[key].mediaType === range);
    if (format) return format;
  }
  throw new NotAcceptableError(accept);
}
