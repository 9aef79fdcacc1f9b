import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import { RowsInsert } from '../projections/rows-insert.js';
import { GENESIS, nextLink } from './ledger-chain.js';

export interface LedgerHead {
  /** Position of the last event chained ("0" before any). */
  readonly position: string;
  /** The chain's head: SHA-256, hex. */
  readonly hash: string;
}

/**
 * The hash chain over the log, one link a position, kept as the log is read.
 * It sees events exactly as stored (not upcast): the chain covers the bytes.
 */
@Injectable()
export class AuditLedgerProjection implements Projection {
  readonly name = 'audit-ledger';
  readonly version = 2;
  readonly tables = ['ledger'];
  readonly readsStoredEvents = true;
  private head: { position: bigint; hash: string } | null = null;
  private statements: ReturnType<typeof prepare> | undefined;

  setUp(db: Database.Database): void {
    db.exec('CREATE TABLE IF NOT EXISTS ledger (position INTEGER PRIMARY KEY, hash TEXT NOT NULL)');
    this.statements = prepare(db);
  }

  load(): void {
    const row = this.statements!.last.get() as { position: bigint; hash: string } | undefined;
    this.head = row ?? null;
  }

  apply(events: readonly StoredEvent[]): void {
    let previous = this.head?.hash ?? GENESIS;
    const links: unknown[] = [];
    for (const event of events) {
      previous = nextLink(previous, event);
      links.push(event.position, previous);
    }
    this.statements!.insert.run(links);
    const last = events[events.length - 1];
    if (last) this.head = { position: last.position, hash: previous };
  }

  current(): LedgerHead {
    return this.head
      ? { position: this.head.position.toString(), hash: this.head.hash }
      : { position: '0', hash: GENESIS };
  }
}

function prepare(db: Database.Database) {
  return {
    insert: new RowsInsert(db, 2, (values) => `INSERT OR REPLACE INTO ledger (position, hash) VALUES ${values}`),
    last: db.prepare('SELECT position, hash FROM ledger ORDER BY position DESC LIMIT 1').safeIntegers(true),
  };
}
