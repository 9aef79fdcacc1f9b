import { createHash } from 'node:crypto';
import type { StoredEvent } from '../event-store/event-store.port.js';
import { canonicalJson } from '../shared/domain/same-content.js';

/** The link before the first event. */
export const GENESIS: Buffer = Buffer.alloc(32);

/**
 * One link of the tamper-evident chain over the log, in global order:
 * SHA-256 of the previous link and of the event's position, stream, revision,
 * type, data and metadata (keys sorted, so the same event always hashes alike).
 * Changing any stored byte of an event changes its link and every link after.
 */
export function nextLink(previous: Buffer, event: StoredEvent): Buffer {
  const content = canonicalJson([
    event.position.toString(),
    event.stream,
    event.revision.toString(),
    event.type,
    event.data,
    event.metadata,
  ]);
  return createHash('sha256').update(previous).update(content).digest();
}

export interface ChainBreak {
  readonly position: bigint;
  readonly reason: string;
}

/**
 * Recomputes the chain from the events and compares each link with the one the
 * ledger stored when it first saw the event; the first difference is where the
 * log was altered (or an event inserted or removed).
 */
export async function findChainBreak(
  readAll: (after: bigint | undefined) => Promise<readonly StoredEvent[]>,
  storedLink: (position: bigint) => Buffer | undefined,
  until: bigint | null,
): Promise<{ readonly checked: number; readonly head: Buffer; readonly break: ChainBreak | null }> {
  let previous: Buffer = GENESIS;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const batch = await readAll(after);
    if (batch.length === 0) break;
    for (const event of batch) {
      if (until !== null && event.position > until) return { checked, head: previous, break: null };
      const link = nextLink(previous, event);
      const stored = storedLink(event.position);
      if (!stored) {
        return {
          checked,
          head: previous,
          break: { position: event.position, reason: 'the ledger has no link for this event' },
        };
      }
      if (!stored.equals(link)) {
        return {
          checked,
          head: previous,
          break: { position: event.position, reason: 'the event differs from the one the ledger chained' },
        };
      }
      previous = link;
      checked++;
    }
    after = batch[batch.length - 1]!.position;
  }
  return { checked, head: previous, break: null };
}
