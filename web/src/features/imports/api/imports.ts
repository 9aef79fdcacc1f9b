import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type ImportAnswer = components['schemas']['ImportAnswer'];
export type ImportKind = ImportAnswer['kind'];
export const IMPORT_KINDS: readonly ImportKind[] = [
  'participants',
  'sessions',
  'attendances',
  'stages',
  'outreach',
  'outcomes',
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the service reads the file as: an XLSX by its name or type, any other file as CSV. */
export const mediaTypeOf = (file: File): string =>
  file.type === XLSX || file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';

export interface ImportRequest {
  readonly file: File;
  readonly kind: ImportKind;
  readonly dryRun: boolean;
}

/** Sends the file as the body; a dry run answers what the import would do and writes nothing. */
function sendImport({ file, kind, dryRun }: ImportRequest): Promise<ImportAnswer> {
  return unwrap(
    api.POST('/api/imports', {
      params: { query: { kind, dryRun: dryRun ? 'true' : 'false', fileName: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': mediaTypeOf(file) },
    }),
  );
}

export const importsQuery = queryOptions({
  queryKey: ['imports'],
  queryFn: () => unwrap(api.GET('/api/imports', { params: { query: { limit: '20' } } })),
});

export const useImports = () => useQuery(importsQuery);

export function useSendImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendImport,
    onSuccess: (answer) => {
      if (!answer.dryRun) void client.invalidateQueries();
    },
  });
}

/** The empty template of a kind, in a language and format: a plain link, the session cookie signs it. */
export const templatePath = (kind: ImportKind, format: 'csv' | 'xlsx', lang: 'fr' | 'nl'): string =>
  `/api/imports/templates/${kind}.${format}?lang=${lang}`;
