/** The report's formats, by the media type the service negotiates, and the file each is saved as. */
export const REPORT_FORMATS = [
  { id: 'pdf', mediaType: 'application/pdf', extension: 'pdf' },
  { id: 'csv', mediaType: 'text/csv', extension: 'csv' },
  { id: 'markdown', mediaType: 'text/markdown', extension: 'md' },
  { id: 'json', mediaType: 'application/json', extension: 'json' },
  { id: 'html', mediaType: 'text/html', extension: 'html' },
] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportLanguage = 'fr' | 'nl';

/** A publication's digests are keyed by format name; the same names as REPORT_FORMATS' ids where they exist. */
export const formatNamed = (name: string): ReportFormat | undefined =>
  REPORT_FORMATS.find((format) => format.id === name || format.extension === name || format.mediaType === name);
