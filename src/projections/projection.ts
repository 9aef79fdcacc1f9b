import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store.port.js';

/**
 * A read model answering one question, fed from the event store's log.
 *
 * The runner calls `apply` inside a transaction that also writes the
 * projection's checkpoint, so the read model and its checkpoint never disagree.
 * A projection may keep an in-memory mirror of its tables for speed: `load`
 * rebuilds it from the tables (at start, and after a failed batch is rolled back).
 */
export interface Projection {
  readonly name: string;
  /** Bumped when the read model's shape or meaning changes: the projection is then rebuilt from position 0. */
  readonly version: number;
  /** The tables this projection owns, dropped on reset and compared by verification. */
  readonly tables: readonly string[];
  /**
   * Set when the projection must see events exactly as stored (the audit
   * ledger hashes them); the others see them upcast to their current shape.
   */
  readonly readsStoredEvents?: boolean;
  /** Creates the tables when missing. */
  setUp(db: Database.Database): void;
  /** Reads the tables into memory. */
  load(db: Database.Database): void;
  /** Applies events (in log order, each newer than the checkpoint) and writes what changed. */
  apply(events: readonly StoredEvent[], db: Database.Database): void;
}

/** Injection token for the list of projections the runner feeds. */
export const PROJECTIONS = Symbol('Projections');

/** Injection token for a function making new, empty projections (rebuild, verification). */
export const PROJECTION_FACTORY = Symbol('ProjectionFactory');
