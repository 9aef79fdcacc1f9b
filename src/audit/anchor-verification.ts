import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store/event-store.port.js';
import { anchorCheck, type LedgerAnchor } from './ledger-anchor.js';
import { GENESIS, nextLink } from './ledger-chain.js';

export interface AnchorDifference {
  /** The first position where the log now differs from the one anchored; null when it cannot be told. */
  readonly position: string | null;
  readonly reason: string;
}

export interface AnchorVerification {
  readonly position: string;
  readonly hash: string;
  readonly check: string;
  /** The chain head recomputed now from the events up to the position. */
  readonly recomputed: string;
  readonly matches: boolean;
  /** Events chained to recompute it. */
  readonly events: number;
  readonly firstDifference: AnchorDifference | null;
}

const BATCH = 5000;

/**
 * Recomputes the hash chain from the events up to an anchor's position and
 * compares its head with the anchor. When they differ, the ledger's links say
 * where: if its link at the position is the anchor, it chained the log as it
 * was published, and the first position where a recomputed link departs from
 * it (an event altered, inserted or removed) is where the log was rewritten.
 */
export async function verifyAnchor(
  store: EventStore,
  readModels: Database.Database,
  anchor: LedgerAnchor,
): Promise<AnchorVerification> {
  const ledger = ledgerLinks(readModels);
  let previous = GENESIS;
  let after: bigint | undefined;
  let events = 0;
  let drift: AnchorDifference | null = null;
  const departs = (position: bigint, reason: string) => (drift ??= { position: position.toString(), reason });
  for (;;) {
    const batch = (await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: BATCH })).filter(
      (event) => event.position <= anchor.position,
    );
    if (batch.length === 0) break;
    const end = batch[batch.length - 1]!.position;
    const kept = ledger.between(after ?? -1n, end);
    let k = 0;
    for (const event of batch) {
      previous = nextLink(previous, event);
      events++;
      while (k < kept.length && kept[k]!.position < event.position) departs(kept[k++]!.position, GONE);
      if (kept[k]?.position !== event.position) departs(event.position, 'an event was inserted there');
      else if (kept[k++]!.hash !== previous) departs(event.position, 'the event differs from the one chained then');
    }
    if (k < kept.length) departs(kept[k]!.position, GONE);
    after = end;
    if (batch.length < BATCH || end >= anchor.position) break;
  }
  const [removed] = ledger.between(after ?? -1n, anchor.position);
  if (removed) departs(removed.position, GONE);
  const matches = previous === anchor.hash;
  const answer = {
    position: anchor.position.toString(),
    hash: anchor.hash,
    check: anchorCheck(anchor),
    recomputed: previous,
    matches,
    events,
  };
  if (matches) return { ...answer, firstDifference: null };
  if (drift !== null && ledger.headAt(anchor.position) === anchor.hash) return { ...answer, firstDifference: drift };
  return {
    ...answer,
    firstDifference: {
      position: null,
      reason:
        `the log differs at or before position ${anchor.position}, and the ledger does not hold this head either: ` +
        'it was rebuilt from the log since, or the anchor was not printed from this log',
    },
  };
}

const GONE = 'an event chained then is gone';

function ledgerLinks(readModels: Database.Database) {
  const exists = readModels.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger'").get();
  if (!exists) return { between: (): Array<{ position: bigint; hash: string }> => [], headAt: () => undefined };
  const range = readModels
    .prepare('SELECT position, hash FROM ledger WHERE position > ? AND position <= ? ORDER BY position')
    .safeIntegers(true);
  const head = readModels.prepare('SELECT hash FROM ledger WHERE position <= ? ORDER BY position DESC LIMIT 1');
  return {
    /** The links kept for positions in (from, to]. */
    between: (from: bigint, to: bigint) => range.all(from, to) as Array<{ position: bigint; hash: string }>,
    headAt: (position: bigint): string | undefined => (head.get(position) as { hash: string } | undefined)?.hash,
  };
}
