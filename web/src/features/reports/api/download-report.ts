import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { ReportFormat, ReportLanguage } from '../formats';

/** Hands a file to the browser as a download. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download has taken the file by then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ReportDownload {
  readonly year: number;
  readonly language: ReportLanguage;
  readonly format: ReportFormat;
  /** A stored publication, given back byte for byte; the report as it stands now when absent. */
  readonly publication?: number | undefined;
}

async function download({ year, language, format, publication }: ReportDownload): Promise<void> {
  const options = {
    headers: { accept: format.mediaType },
    parseAs: 'blob' as const,
  };
  const blob =
    publication === undefined
      ? await unwrap(
          api.GET('/api/reports/{year}', { params: { path: { year }, query: { lang: language } }, ...options }),
        )
      : await unwrap(
          api.GET('/api/reports/{year}/publications/{n}', { params: { path: { year, n: publication } }, ...options }),
        );
  const name = publication === undefined ? `rapport-${year}-${language}` : `rapport-${year}-publication-${publication}`;
  save(blob, `${name}.${format.extension}`);
}

export const useDownloadReport = () => useMutation({ mutationFn: download });
