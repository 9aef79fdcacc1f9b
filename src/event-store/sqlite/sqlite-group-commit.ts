import type Database from 'better-sqlite3';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  matchesExpectedRevision,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type StreamRevision,
} from '../event-store.port.js';
import { isUniqueViolation, toStoreError } from './sqlite-errors.js';
import type { SqliteStatements } from './sqlite-statements.js';
import type { KnownStreamHeads } from './sqlite-stream-heads.js';

export interface GroupCommitOptions {
  /** Most appends committed together in one transaction. */
  readonly maxBatchSize: number;
  /** Told the number of appends and events of each commit, once its callers are answered. */
  readonly onCommit: (appends: number, events: number) => void;
}

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Inserts an append's events after the stream's head, inside the group's transaction. */
type InsertEvents = (stream: string, events: readonly NewEvent[], head: bigint | null) => AppendResult;

/** `wrote`: the events were inserted now, not found already stored by an earlier identical append. */
type AppendOutcome = { readonly result: AppendResult; readonly wrote: boolean } | { readonly error: Error };

/**
 * Group commit: every append requested while the event loop is busy is checked
 * against its stream's expected revision and written in one transaction with
 * one fsync, on the next turn; each caller is answered only after that commit.
 */
export class GroupCommit {
  /** Several events of one append: all or none, in a savepoint of the group's transaction. */
  private readonly insertEvents: InsertEvents;
  /** One event: its INSERT is all or nothing by itself (a failed statement leaves nothing), no savepoint needed. */
  private readonly insertUnguarded: InsertEvents;
  private readonly commitGroup: Database.Transaction<
    (batch: readonly PendingAppend[], outcomes: AppendOutcome[]) => void
  >;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    private readonly heads: KnownStreamHeads,
    private readonly options: GroupCommitOptions,
  ) {
    this.insertUnguarded = (stream, events, head) => {
      let revision = head === null ? -1n : head;
      const positions: bigint[] = [];
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
        positions.push(BigInt(info.lastInsertRowid));
      }
      return { nextExpectedRevision: revision, position: positions[positions.length - 1]!, positions };
    };
    this.insertEvents = this.db.transaction(this.insertUnguarded);
    this.commitGroup = this.db.transaction((batch: readonly PendingAppend[], outcomes: AppendOutcome[]) => {
      for (const item of batch) outcomes.push(this.appendOne(item));
    });
  }

  append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ stream, events, expectedRevision, resolve, reject });
      if (this.pending.length >= this.options.maxBatchSize) {
        this.flush();
      } else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is pending now; the store calls it before closing, so no caller is left waiting. */
  flush(): void {
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
        if (outcome.wrote) this.heads.note(item.stream, outcome.result.nextExpectedRevision);
        item.resolve(outcome.result);
      } else {
        item.reject(outcome.error);
      }
    });
    this.options.onCommit(batch.length, events);
  }

  private commit(batch: readonly PendingAppend[]): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    this.commitGroup.immediate(batch, outcomes);
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
      const insert = item.events.length === 1 ? this.insertUnguarded : this.insertEvents;
      return { result: insert(item.stream, item.events, head), wrote: true };
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
    const positions: bigint[] = [];
    for (const event of item.events) {
      const row = this.statements.byId.get(event.id) as typeof previous;
      if (!row || row.stream !== item.stream) return null;
      if (previous && row.revision !== previous.revision + 1n) return null;
      previous = row;
      positions.push(row.position);
    }
    return previous ? { nextExpectedRevision: previous.revision, position: previous.position, positions } : null;
  }

  private streamHead(stream: string): StreamRevision | null {
    const row = this.statements.streamHead.get(stream) as { revision: bigint | null };
    return row.revision;
  }
}
