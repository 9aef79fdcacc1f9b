import { PassThrough, type Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { toProblem } from '../http/problem-details.filter.js';
import type { ImportProgress, ImportResult } from './importer.js';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/** A progress line at most this often, besides the first and the last. */
const PROGRESS_INTERVAL_MS = 250;

const logger = new Logger('imports');

/** Whether the client asked for the answer as progress lines (`Accept: application/x-ndjson`). */
export function wantsProgressLines(accept: string | undefined): boolean {
  return accept?.split(',').some((range) => range.split(';')[0]!.trim().toLowerCase() === NDJSON_MEDIA_TYPE) === true;
}

/**
 * An import answered as NDJSON, for a client that shows its progress (the
 * command line's bar): `{"progress":{"done","total"}}` lines while the rows are
 * applied, then `{"answer":…}`, the body the JSON answer would have had. Nothing
 * is sent until the file is checked whole, so a refused file is refused as
 * without progress lines (4xx, problem+json: this promise rejects); a failure
 * after that ends the lines with `{"problem":…}`.
 */
export async function progressLines(
  run: (progress: ImportProgress) => Promise<ImportResult>,
  answer: (result: ImportResult) => object,
): Promise<Readable> {
  const lines = new PassThrough();
  // A client that went away destroys the lines: the import goes on, its lines are dropped.
  const write = (value: object, last = false): void => {
    if (lines.destroyed) return;
    if (last) lines.end(`${JSON.stringify(value)}\n`);
    else lines.write(`${JSON.stringify(value)}\n`);
  };
  let checked!: () => void;
  const fileChecked = new Promise<void>((resolve) => (checked = resolve));
  let sentAt: number | undefined;
  const outcome = run((done, total) => {
    checked();
    const now = Date.now();
    if (sentAt === undefined || done === total || now - sentAt >= PROGRESS_INTERVAL_MS) {
      sentAt = now;
      write({ progress: { done, total } });
    }
  });
  await Promise.race([fileChecked, outcome]);
  outcome.then(
    (result) => write({ answer: answer(result) }, true),
    (error: unknown) => {
      const { problem } = toProblem(error);
      if (problem.status >= 500) logger.error({ err: error }, problem.detail);
      write({ problem }, true);
    },
  );
  return lines;
}
