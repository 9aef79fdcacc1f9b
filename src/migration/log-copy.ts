import {
  dataJson,
  metadataJson,
  type EventStore,
  type LogPosition,
  type NewEvent,
  type StoredEvent,
} from '../event-store/event-store.port.js';
import { copiedUpTo } from './copy-resume-point.js';

export interface CopyOptions {
  /** Source events read at once. */
  readonly pageSize?: number;
  /**
   * The largest encoded size of one append, in bytes. EventStoreDB refuses an
   * append over its MaxAppendSize (1 MiB by default), which counts each event's
   * data, metadata and type; half of it leaves room for what the adapter adds.
   */
  readonly maxAppendBytes?: number;
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

/** An append the target refused: where the copy stopped, for the operator and for the next run. */
export class CopyFailedError extends Error {
  constructor(
    readonly stream: string,
    /** Source revision of the first event of the refused append. */
    readonly revision: bigint,
    /** Source position of that event. */
    readonly position: LogPosition,
    readonly copied: number,
    cause: unknown,
  ) {
    super(
      `The copy stopped at ${stream}@${revision} (source position ${position}), after ${copied} events copied by this run: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'CopyFailedError';
  }
}

const DEFAULT_MAX_APPEND_BYTES = 512 * 1024;

/**
 * Copies one event log into another through the port, in global order,
 * keeping each event's id, type, data and metadata, and its stream revision:
 * each append expects the revision before its first event, so a target that
 * differs is refused rather than added to. A run resumes where the target
 * stands (see copiedUpTo); consecutive events of one stream go in one append,
 * split where it would exceed `maxAppendBytes`. An append the target refuses
 * stops the copy with a CopyFailedError that names where.
 */
export async function copyLog(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const pageSize = options.pageSize ?? 1000;
  const resumedAfter = await copiedUpTo(source, target);
  let after = resumedAfter;
  let copied = 0;
  for (;;) {
    const page = await source.readAll({ ...(after === undefined ? {} : { after }), maxCount: pageSize });
    if (page.length === 0) return { resumedAfter, copied, complete: true };
    for (const run of runsOfOneStream(page, options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES)) {
      if (options.signal?.aborted) return { resumedAfter, copied, complete: false };
      const first = run[0]!;
      try {
        await target.appendToStream(first.stream, run.map(asNewEvent), {
          expectedRevision: first.revision === 0n ? 'no-stream' : first.revision - 1n,
        });
      } catch (error) {
        throw new CopyFailedError(first.stream, first.revision, first.position, copied, error);
      }
      copied += run.length;
      after = run[run.length - 1]!.position;
      options.onProgress?.({ copied, position: after });
    }
  }
}

/** Consecutive events of the same stream, in log order, each run at most `maxBytes` encoded (or one event). */
function runsOfOneStream(events: readonly StoredEvent[], maxBytes: number): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  let bytes = 0;
  for (const event of events) {
    const size = encodedSize(event);
    const current = runs[runs.length - 1];
    if (current && current[0]!.stream === event.stream && bytes + size <= maxBytes) {
      current.push(event);
      bytes += size;
    } else {
      runs.push([event]);
      bytes = size;
    }
  }
  return runs;
}

/** What a store counts of an event against its append limit: data, metadata and type, as UTF-8. */
function encodedSize(event: StoredEvent): number {
  return Buffer.byteLength(dataJson(event)) + Buffer.byteLength(metadataJson(event)) + Buffer.byteLength(event.type);
}

function asNewEvent(event: StoredEvent): NewEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}
