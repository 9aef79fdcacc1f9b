import type { LogPosition, LogSubscription, StoredEvent } from '../event-store.port.js';
import { toStoreError } from './sqlite-errors.js';

/** What a subscription needs of the store: the log read at once, and whether the store is closed. */
export interface LogSource {
  readonly isClosed: boolean;
  readAllNow(after: LogPosition | undefined, maxCount: number): StoredEvent[];
}

/**
 * Subscriptions waiting at the head of the log. An append in this process wakes
 * them at once; one by another process (the command line) is seen at the next poll.
 */
export class AppendWaiters {
  private readonly waiters = new Set<() => void>();
  private wakeCount = 0;

  constructor(private readonly pollIntervalMs: number) {}

  /** Resolves on the next append in this process, or after the poll interval. */
  waitForAppend(): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      // A subscription idle at the head of the log must not keep a process (Jest, the command line) alive.
      timer.unref();
      this.waiters.add(wake);
    });
  }

  /** Goes up at every wake-up (an append in this process, a close): compared before and after, it says whether one came. */
  get wakes(): number {
    return this.wakeCount;
  }

  wakeAll(): void {
    this.wakeCount++;
    for (const wake of [...this.waiters]) wake();
  }
}

/** Follows the log from a position in batches, until it or the store is closed. */
export class SqliteLogSubscription implements LogSubscription {
  private closed = false;

  constructor(
    private readonly store: LogSource,
    private readonly appends: AppendWaiters,
    private after: LogPosition | undefined,
    private readonly maxBatchSize: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<readonly StoredEvent[]> {
    while (!this.closed && !this.store.isClosed) {
      let batch: StoredEvent[];
      const wakesBefore = this.appends.wakes;
      try {
        batch = this.store.readAllNow(this.after, this.maxBatchSize);
      } catch (error) {
        throw toStoreError(error, 'read the log');
      }
      if (batch.length > 0) {
        this.after = batch[batch.length - 1]!.position;
        yield batch;
        // A short batch was the log up to its head: read again only if more may have come since
        // (the projection runner applies a batch without giving the event loop a turn: it never does).
        if (batch.length === this.maxBatchSize || this.appends.wakes !== wakesBefore) continue;
      }
      await this.appends.waitForAppend();
    }
  }

  /** Ends the iteration now: a subscription waiting for an append is woken, not left to its unref'd poll timer. */
  close(): Promise<void> {
    this.closed = true;
    this.appends.wakeAll();
    return Promise.resolve();
  }
}
