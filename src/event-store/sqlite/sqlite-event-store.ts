import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  matchesExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type LogSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamRevision,
  type SubscribeOptions,
} from '../event-store.port.js';
import { createEventsSchema } from './sqlite-schema.js';
import { isUniqueViolation, openFailure, toStoreError } from './sqlite-errors.js';

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

/** A row of `columns`, read raw: an array costs less to build than an object with named fields. */
type EventRow = [
  position: bigint,
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
];

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** `wrote`: the events were inserted now, not found already stored by an earlier identical append. */
type AppendOutcome = { readonly result: AppendResult; readonly wrote: boolean } | { readonly error: Error };

const DEFAULT_READ_BATCH = 1000;
/** Streams whose last revision this connection remembers; past that, it forgets them all. */
const MAX_KNOWN_HEADS = 100_000;

/**
 * The embedded event store: one SQLite database in WAL mode.
 *
 * Appends use group commit: every append requested while the event loop is busy
 * is checked against its stream's expected revision and written in one
 * transaction with one fsync; each caller is answered only after that commit.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly insertEvents: (stream: string, events: readonly NewEvent[], head: bigint | null) => AppendResult;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly appendWaiters = new Set<() => void>();
  private readonly pollIntervalMs: number;
  private readonly maxBatchSize: number;
  /**
   * For each stream this connection appended to or read to its end: a revision
   * its last event is at or before (-1 when it has none). True as long as no
   * other connection commits, which PRAGMA data_version tells; `dataVersion`
   * is the value they were noted under.
   */
  private readonly knownHeads = new Map<string, bigint>();
  private dataVersion: number | undefined;
  private othersChecked = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBatchSize = options.maxBatchSize ?? 2000;
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      this.db = new Database(options.path);
      this.db.pragma('journal_mode = WAL');
      // Set on every open: this SQLite build gives a database already in WAL mode synchronous=NORMAL by default.
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      // On macOS fsync() leaves the data in the drive's cache; F_FULLFSYNC flushes it (a no-op elsewhere).
      this.db.pragma('fullfsync = ON');
      this.db.pragma('busy_timeout = 5000');
      createEventsSchema(this.db);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      throw openFailure(error, options.path);
    }
    this.insertEvents = this.db.transaction((stream: string, events: readonly NewEvent[], head: bigint | null) => {
      let revision = head === null ? -1n : head;
      let position = 0n;
      for (const event of events) {
        revision += 1n;
        const info = this.statements.insert.run(
          event.id,
          stream,
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        );
        position = BigInt(info.lastInsertRowid);
      }
      return { nextExpectedRevision: revision, position };
    });
  }

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('Nothing to append'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ stream, events, expectedRevision: options.expectedRevision, resolve, reject });
      if (this.pending.length >= this.maxBatchSize) {
        this.flush();
      } else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * The command loop reads each stream from the revision after its cached state,
   * and is mostly told there is nothing new: when this connection knows the
   * stream ends before that revision, the answer needs no query.
   */
  readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.run('read a stream', () => {
      const from = options.fromRevision ?? 0n;
      if (this.endsBefore(stream, from)) return [];
      const rows = this.statements.readStream.all(stream, from, options.maxCount ?? -1) as EventRow[];
      if (options.maxCount === undefined || rows.length < options.maxCount) {
        this.noteHead(stream, rows.length > 0 ? rows[rows.length - 1]![3] : from - 1n);
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

  subscribeToAll(options: SubscribeOptions = {}): LogSubscription {
    return new SqliteLogSubscription(this, options.after, options.maxBatchSize ?? DEFAULT_READ_BATCH);
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
    this.flush();
    this.closed = true;
    this.wakeSubscribers();
    this.db.close();
    return Promise.resolve();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** @internal used by the subscription */
  readAllNow(after: LogPosition | undefined, maxCount: number): StoredEvent[] {
    return (this.statements.readAll.all(after ?? -1n, maxCount) as EventRow[]).map(toStoredEvent);
  }

  /** @internal resolves on the next append in this process, or after the poll interval. */
  waitForAppend(): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.appendWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs).unref();
      this.appendWaiters.add(wake);
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.commit(batch);
    } catch (error) {
      const failure = toStoreError(error, 'append');
      for (const item of batch) item.reject(failure);
      return;
    }
    let events = 0;
    outcomes.forEach((outcome, index) => {
      const item = batch[index]!;
      if ('result' in outcome) {
        events += item.events.length;
        if (outcome.wrote) this.noteHead(item.stream, outcome.result.nextExpectedRevision);
        item.resolve(outcome.result);
      } else {
        item.reject(outcome.error);
      }
    });
    this.options.onCommit?.(batch.length, events);
    this.wakeSubscribers();
  }

  private commit(batch: readonly PendingAppend[]): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    this.db
      .transaction(() => {
        for (const item of batch) outcomes.push(this.appendOne(item));
      })
      .immediate();
    return outcomes;
  }

  private appendOne(item: PendingAppend): AppendOutcome {
    const head = this.streamHead(item.stream);
    if (!matchesExpectedRevision(item.expectedRevision, head)) {
      const earlier = this.earlierIdenticalAppend(item);
      if (earlier) return { result: earlier, wrote: false };
      return { error: new WrongExpectedRevisionError(item.stream, item.expectedRevision, head) };
    }
    try {
      return { result: this.insertEvents(item.stream, item.events, head), wrote: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const earlier = this.earlierIdenticalAppend(item);
      if (earlier) return { result: earlier, wrote: false };
      return { error: new DuplicateEventIdError(item.events[0]!.id, item.stream) };
    }
  }

  /**
   * An append whose event ids are all already stored, in this stream and in this
   * order, is a retry of an append that succeeded: answer what it answered.
   */
  private earlierIdenticalAppend(item: PendingAppend): AppendResult | null {
    let previous: { stream: string; revision: bigint; position: bigint } | undefined;
    for (const event of item.events) {
      const row = this.statements.byId.get(event.id) as typeof previous;
      if (!row || row.stream !== item.stream) return null;
      if (previous && row.revision !== previous.revision + 1n) return null;
      previous = row;
    }
    return previous ? { nextExpectedRevision: previous.revision, position: previous.position } : null;
  }

  private streamHead(stream: string): StreamRevision | null {
    const row = this.statements.streamHead.get(stream) as { revision: bigint | null };
    return row.revision;
  }

  private endsBefore(stream: string, revision: bigint): boolean {
    if (!this.othersChecked) {
      this.othersChecked = true;
      // Once an event-loop turn: the requests handled in one turn arrived together, and a commit by
      // another process in that same turn is concurrent with them either way.
      setImmediate(() => (this.othersChecked = false));
      const version = this.statements.dataVersion.get() as number;
      if (version !== this.dataVersion) {
        // Another connection (another process) committed: what was noted may be stale.
        this.knownHeads.clear();
        this.dataVersion = version;
        return false;
      }
    }
    const head = this.knownHeads.get(stream);
    return head !== undefined && head < revision;
  }

  private noteHead(stream: string, head: bigint): void {
    if (this.knownHeads.size >= MAX_KNOWN_HEADS && !this.knownHeads.has(stream)) this.knownHeads.clear();
    this.knownHeads.set(stream, head);
  }

  private wakeSubscribers(): void {
    for (const wake of [...this.appendWaiters]) wake();
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

function prepareStatements(db: Database.Database) {
  const columns = 'position, id, stream, revision, type, data, metadata';
  return {
    // safeIntegers: lastInsertRowid is then a bigint, exact past 2^53 like every position read.
    insert: db
      .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
      .safeIntegers(true),
    streamHead: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?').safeIntegers(true),
    byId: db.prepare('SELECT stream, revision, position FROM events WHERE id = ?').safeIntegers(true),
    readStream: db
      .prepare(`SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .raw()
      .safeIntegers(true),
    readAll: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw()
      .safeIntegers(true),
    // The same expression as the index events_command_id, so that the index serves it.
    byCommandId: db
      .prepare(`SELECT ${columns} FROM events WHERE json_extract(metadata, '$.commandId') = ? ORDER BY position`)
      .raw()
      .safeIntegers(true),
    head: db.prepare('SELECT max(position) AS position FROM events').safeIntegers(true),
    // Changes when another connection commits; never for this connection's own commits.
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    ping: db.prepare('SELECT 1'),
  };
}

function toStoredEvent([position, id, stream, revision, type, data, metadata]: EventRow): StoredEvent {
  return {
    position,
    id,
    stream,
    revision,
    type,
    data: JSON.parse(data) as StoredEvent['data'],
    metadata: JSON.parse(metadata) as StoredEvent['metadata'],
    json: { data, metadata },
  };
}

class SqliteLogSubscription implements LogSubscription {
  private closed = false;

  constructor(
    private readonly store: SqliteEventStore,
    private after: LogPosition | undefined,
    private readonly maxBatchSize: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<readonly StoredEvent[]> {
    while (!this.closed && !this.store.isClosed) {
      let batch: StoredEvent[];
      try {
        batch = this.store.readAllNow(this.after, this.maxBatchSize);
      } catch (error) {
        throw toStoreError(error, 'read the log');
      }
      if (batch.length > 0) {
        this.after = batch[batch.length - 1]!.position;
        yield batch;
      } else {
        await this.store.waitForAppend();
      }
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
