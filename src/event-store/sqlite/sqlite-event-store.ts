import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  EventStoreUnavailableError,
  lastByCommand,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type LogSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
} from '../event-store.port.js';
import { createEventsSchema } from './sqlite-schema.js';
import { openFailure, toStoreError } from './sqlite-errors.js';
import { GroupCommit } from './sqlite-group-commit.js';
import { KnownStreamHeads } from './sqlite-stream-heads.js';
import { AppendWaiters, SqliteLogSubscription } from './sqlite-subscription.js';
import { prepareStatements, toStoredEvent, type EventRow, type SqliteStatements } from './sqlite-statements.js';

export interface SqliteEventStoreOptions {
  /** Database file; its folder is created when missing. */
  readonly path: string;
  /**
   * FULL (default): every commit is fsynced, so an acknowledged append survives a
   * power cut. NORMAL only survives a process crash; it exists for benchmarks.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How often a subscription looks for events appended by another process. */
  readonly pollIntervalMs?: number;
  /** Most appends committed together in one transaction. */
  readonly maxBatchSize?: number;
  /** Told the number of appends of each commit (metrics). */
  readonly onCommit?: (appends: number, events: number) => void;
}

const DEFAULT_READ_BATCH = 1000;
const WAL_CHECKPOINT_PAGES = 4000;
const PAGE_CACHE_KIB = 8192;

/**
 * The embedded event store: one SQLite database in WAL mode. Appends go
 * through group commit (sqlite-group-commit.ts): the appends requested while the
 * event loop is busy share one transaction and one fsync.
 */
export class SqliteEventStore implements EventStore {
  /** Positions are rowids: SQLite's INTEGER, a signed 64-bit number. */
  readonly maxPosition = 2n ** 63n - 1n;
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private closed = false;
  private readonly appendWaiters: AppendWaiters;
  private readonly heads: KnownStreamHeads;
  private readonly groupCommit: GroupCommit;

  constructor(options: SqliteEventStoreOptions) {
    this.appendWaiters = new AppendWaiters(options.pollIntervalMs ?? 250);
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      this.db = new Database(options.path);
      this.db.pragma('journal_mode = WAL');
      // Set on every open: this SQLite build gives a database already in WAL mode synchronous=NORMAL by default.
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      // On macOS fsync() leaves the data in the drive's cache; F_FULLFSYNC flushes it (a no-op elsewhere).
      this.db.pragma('fullfsync = ON');
      this.db.pragma('busy_timeout = 5000');
      // Checkpoint the WAL into the database every 4,000 pages (16 MB), not SQLite's 1,000: a page
      // written again and again (an index's last leaf, the table's tail) is copied once a
      // checkpoint, and each checkpoint ends with an fsync of the database. 100,000 rows imported
      // 8-10 % faster (docs/performance.md); a reader looks a page up in the WAL's index all the same.
      this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      // An 8 MB page cache, not SQLite's 2 MB: a command's first read of a stream found its pages
      // evicted by the appends in between and read them again from the OS, 40 µs a read during a
      // 100,000-row import (15 % of it); 6 % faster with 8 MB, RSS 10 MB more (docs/performance.md).
      this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      createEventsSchema(this.db);
      this.statements = prepareStatements(this.db);
      this.heads = new KnownStreamHeads(this.statements.dataVersion);
    } catch (error) {
      throw openFailure(error, options.path);
    }
    this.groupCommit = new GroupCommit(this.db, this.statements, this.heads, {
      maxBatchSize: options.maxBatchSize ?? 2000,
      onCommit: (appends, events) => {
        options.onCommit?.(appends, events);
        this.appendWaiters.wakeAll();
      },
    });
  }

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('Nothing to append'));
    return this.groupCommit.append(stream, events, options.expectedRevision);
  }

  /** Answered without a query when this connection knows the stream ends before `fromRevision`. */
  readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.run('read a stream', () => {
      const from = options.fromRevision ?? 0n;
      if (this.heads.endsBefore(stream, from)) return [];
      const rows = this.statements.readStream.all(stream, from, options.maxCount ?? -1) as EventRow[];
      if (options.maxCount === undefined || rows.length < options.maxCount) {
        this.heads.note(stream, rows.length > 0 ? rows[rows.length - 1]![3] : from - 1n);
      }
      return rows.map(toStoredEvent);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.run('read the log', () => this.readAllNow(options.after, options.maxCount ?? DEFAULT_READ_BATCH));
  }

  readCommandEvents(commandId: string): Promise<StoredEvent[]> {
    return this.run('read a command', () =>
      (this.statements.byCommandId.all(commandId) as EventRow[]).map(toStoredEvent),
    );
  }

  readLastCommandEvents(commandIds: readonly string[]): Promise<Map<string, StoredEvent>> {
    return this.run('read commands', () => {
      const rows = this.statements.byCommandIds.all(JSON.stringify(commandIds)) as EventRow[];
      return lastByCommand(rows.map(toStoredEvent));
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): LogSubscription {
    return new SqliteLogSubscription(
      this,
      this.appendWaiters,
      options.after,
      options.maxBatchSize ?? DEFAULT_READ_BATCH,
    );
  }

  headPosition(): Promise<LogPosition | null> {
    return this.run('read the log head', () => {
      const row = this.statements.head.get() as { position: bigint | null };
      return row.position;
    });
  }

  ping(): Promise<void> {
    return this.run('answer', () => {
      this.statements.ping.get();
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.groupCommit.flush();
    this.closed = true;
    this.appendWaiters.wakeAll();
    this.db.close();
    return Promise.resolve();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** @internal used by the subscription, which turns its errors into the port's */
  readAllNow(after: LogPosition | undefined, maxCount: number): StoredEvent[] {
    return (this.statements.readAll.all(after ?? -1n, maxCount) as EventRow[]).map(toStoredEvent);
  }

  private run<T>(action: string, work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(toStoreError(error, action));
    }
  }
}
