import type { EventStore, LogPosition, NewEvent, StoredEvent } from '../event-store/event-store.port.js';
import { copiedUpTo } from './copy-resume-point.js';

export interface CopyOptions {
  /** Source events read at once. */
  readonly pageSize?: number;
  /** Stops the copy between two appends (Ctrl-C); running it again resumes. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CopyProgress) => void;
}

export interface CopyProgress {
  /** Events copied by this run. */
  readonly copied: number;
  /** Source position of the last event copied. */
  readonly position: LogPosition;
}

export interface CopyReport {
  /** Source position up to which the target already held the log when this run started. */
  readonly resumedAfter: LogPosition | undefined;
  readonly copied: number;
  /** False when the copy was stopped before the end of the source log. */
  readonly complete: boolean;
}

/**
 * Copies one event log into another through the port, in global order,
 * keeping each event's id, type, data and metadata, and its stream revision:
 * each append expects the revision before its first event, so a target that
 * differs is refused rather than added to. A run resumes where the target
 * stands (see copiedUpTo); consecutive events of one stream go in one append.
 */
export async function copyLog(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const pageSize = options.pageSize ?? 1000;
  const resumedAfter = await copiedUpTo(source, target);
  let after = resumedAfter;
  let copied = 0;
  for (;;) {
    const page = await source.readAll({ ...(after === undefined ? {} : { after }), maxCount: pageSize });
    if (page.length === 0) return { resumedAfter, copied, complete: true };
    for (const run of runsOfOneStream(page)) {
      if (options.signal?.aborted) return { resumedAfter, copied, complete: false };
      const first = run[0]!;
      await target.appendToStream(first.stream, run.map(asNewEvent), {
        expectedRevision: first.revision === 0n ? 'no-stream' : first.revision - 1n,
      });
      copied += run.length;
      after = run[run.length - 1]!.position;
      options.onProgress?.({ copied, position: after });
    }
  }
}

/** Consecutive events of the same stream, in log order. */
function runsOfOneStream(events: readonly StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const event of events) {
    const current = runs[runs.length - 1];
    if (current && current[0]!.stream === event.stream) current.push(event);
    else runs.push([event]);
  }
  return runs;
}

function asNewEvent(event: StoredEvent): NewEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}
