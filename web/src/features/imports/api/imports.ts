import { useState } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiProblem, Unreachable, unwrap, type ProblemDetails } from '../../../api/problem';
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

/** Rows applied so far, out of the file's. */
export interface RowsDone {
  readonly done: number;
  readonly total: number;
}

type ProgressLine =
  { readonly progress: RowsDone } | { readonly answer: ImportAnswer } | { readonly problem: ProblemDetails };

/**
 * Sends the file as the body; a dry run answers what the import would do and
 * writes nothing. Asked for NDJSON, the service tells how many rows are done
 * as it goes, then answers.
 */
async function sendImport(
  { file, kind, dryRun }: ImportRequest,
  onProgress: (rows: RowsDone) => void,
): Promise<ImportAnswer> {
  const lines = await unwrap(
    api.POST('/api/imports', {
      params: { query: { kind, dryRun: dryRun ? 'true' : 'false', fileName: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': mediaTypeOf(file), accept: 'application/x-ndjson' },
      parseAs: 'stream',
    }),
  );
  let message: ProgressLine | undefined;
  try {
    for await (const line of textLines(lines!)) {
      message = JSON.parse(line) as ProgressLine;
      if ('progress' in message) onProgress(message.progress);
      else break;
    }
  } catch (error) {
    // The connection dropped while the rows were applied: list the imports to see whether it was recorded.
    throw new Unreachable(error);
  }
  if (message && 'answer' in message) return message.answer;
  if (message && 'problem' in message) throw new ApiProblem(message.problem);
  throw new Unreachable(new Error('The answer ended before the import was done'));
}

/** The lines of a streamed body, as they come (a reader: Safari cannot iterate a stream). */
async function* textLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop()!;
    for (const line of lines) if (line.trim() !== '') yield line;
    if (done) return;
  }
}

export const importsQuery = queryOptions({
  queryKey: ['imports'],
  queryFn: () => unwrap(api.GET('/api/imports', { params: { query: { limit: '20' } } })),
});

export const useImports = () => useQuery(importsQuery);

/** An import sent, with the rows done so far while it runs. */
export function useSendImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<RowsDone | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: (request: ImportRequest) => {
      setProgress(undefined);
      return sendImport(request, setProgress);
    },
    onSuccess: (answer) => {
      if (!answer.dryRun) void client.invalidateQueries();
    },
  });
  return { ...mutation, progress };
}

/** The empty template of a kind, in a language and format: a plain link, the session cookie signs it. */
export const templatePath = (kind: ImportKind, format: 'csv' | 'xlsx', lang: 'fr' | 'nl'): string =>
  `/api/imports/templates/${kind}.${format}?lang=${lang}`;
