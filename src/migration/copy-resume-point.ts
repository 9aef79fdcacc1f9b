import type { EventStore, LogPosition, StoredEvent } from '../event-store/event-store.port.js';

/** The target holds, where a source event belongs, another event: it is not a copy of this log. */
export class TargetDivergedError extends Error {
  constructor(source: StoredEvent, found: StoredEvent) {
    super(
      `The target's ${source.stream}@${source.revision} is event ${found.id}, not ${source.id} as in the source: ` +
        'it holds events that were not copied from this log',
    );
    this.name = 'TargetDivergedError';
  }
}

/**
 * Where an interrupted copy stands: the source position up to which every event
 * is in the target (undefined when none is).
 *
 * The copy appends the source's events in log order, each append atomic, so
 * the events already copied are a prefix of the source log: a binary search
 * over source positions finds its end in about log2(head) probes, each one
 * source read and one target stream read. No marker is written anywhere, so
 * the target holds exactly the source's events and nothing else.
 */
export async function copiedUpTo(source: EventStore, target: EventStore): Promise<LogPosition | undefined> {
  const head = await source.headPosition();
  if (head === null) return undefined;
  // Every source event at or before `low` is copied; none after `high` is.
  let low = -1n;
  let high = head;
  while (low < high) {
    const middle = low + (high - low + 1n) / 2n;
    const [event] = await source.readAll({ ...(middle > 0n ? { after: middle - 1n } : {}), maxCount: 1 });
    if (!event || event.position > high) {
      high = middle - 1n;
    } else if (await isCopied(event, target)) {
      low = event.position;
    } else {
      high = event.position - 1n;
    }
  }
  return low < 0n ? undefined : low;
}

/** Whether the target holds this source event: the same id at the same revision of the same stream. */
async function isCopied(event: StoredEvent, target: EventStore): Promise<boolean> {
  const [found] = await target.readStream(event.stream, { fromRevision: event.revision, maxCount: 1 });
  if (!found) return false;
  if (found.id !== event.id) throw new TargetDivergedError(event, found);
  return true;
}
