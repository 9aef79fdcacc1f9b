import { PassThrough, type Readable } from 'node:stream';
import { logFailure, toProblem } from './problem-details.filter.js';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/** A progress line at most this often, besides the first and the last. */
const PROGRESS_INTERVAL_MS = 250;

/** Whether the client asked for the answer as progress lines (`Accept: application/x-ndjson`). */
export function wantsProgressLines(accept: string | undefined): boolean {
  return accept?.split(',').some((range) => range.split(';')[0]!.trim().toLowerCase() === NDJSON_MEDIA_TYPE) === true;
}

/** Told how much of the work is done, out of how much. */
export type Progress = (done: number, total: number) => void;

/**
 * A long piece of work (an import) answered as NDJSON, for a client that shows
 * its progress (the command line's bar, the web app's): `{"progress":{"done",
 * "total"}}` lines while it runs, then `{"answer":…}`, the body the JSON answer
 * would have had. Nothing is sent before the first progress, so what the work
 * refuses before it (a file refused whole: 4xx, problem+json) is answered as
 * without progress lines: this promise rejects. A failure after that ends the
 * lines with `{"problem":…}`.
 */
export async function progressLines<T>(
  run: (progress: Progress) => Promise<T>,
  answer: (result: T) => object,
): Promise<Readable> {
  const lines = new PassThrough();
  // A client that went away destroys the lines: the import goes on, its lines are dropped.
  const write = (value: object, last = false): void => {
    if (lines.destroyed) return;
    if (last) lines.end(`${JSON.stringify(value)}\n`);
    else lines.write(`${JSON.stringify(value)}\n`);
  };
  let begun!: () => void;
  const firstProgress = new Promise<void>((resolve) => (begun = resolve));
  let sentAt: number | undefined;
  const outcome = run((done, total) => {
    begun();
    const now = Date.now();
    if (sentAt === undefined || done === total || now - sentAt >= PROGRESS_INTERVAL_MS) {
      sentAt = now;
      write({ progress: { done, total } });
    }
  });
  await Promise.race([firstProgress, outcome]);
  outcome.then(
    (result) => write({ answer: answer(result) }, true),
    (error: unknown) => {
      const { problem } = toProblem(error);
      logFailure(error, problem);
      write({ problem }, true);
    },
  );
  return lines;
}
