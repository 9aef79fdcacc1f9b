import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store/event-store.port.js';
import { findChainBreak, type ChainBreak } from './ledger-chain.js';

export interface LedgerVerification {
  /** Events whose link was recomputed and found equal. */
  readonly checked: number;
  readonly head: string;
  readonly break: ChainBreak | null;
}

/**
 * Recomputes the hash chain from the events in the store and compares it with
 * the links the ledger kept, up to the last event the ledger chained.
 */
export async function verifyLedger(store: EventStore, readModels: Database.Database): Promise<LedgerVerification> {
  const exists = readModels.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger'").get();
  const link = exists ? readModels.prepare('SELECT hash FROM ledger WHERE position = ?') : undefined;
  const last = exists
    ? ((
        readModels.prepare('SELECT max(position) AS position FROM ledger').safeIntegers(true).get() as {
          position: bigint | null;
        }
      ).position ?? null)
    : null;
  const result = await findChainBreak(
    (after) => store.readAll({ ...(after === undefined ? {} : { after }), maxCount: 5000 }),
    (position) => (link?.get(position) as { hash: string } | undefined)?.hash,
    last ?? 0n,
  );
  return { checked: result.checked, head: result.head, break: result.break };
}
