import { Logger } from '@nestjs/common';
import type { AllStreamRecordedEvent, AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  type LogPosition,
  type LogSubscription,
  type StoredEvent,
} from '../event-store.port.js';
import { toStoreError } from './eventstoredb-errors.js';
import { Backoff } from './backoff.js';

export interface SubscriptionOptions {
  /** Opens the server's catch-up subscription after a position (from the start when absent). */
  readonly open: (after: LogPosition | undefined) => AllStreamSubscription;
  readonly after: LogPosition | undefined;
  readonly maxBatchSize: number;
  /** The port's event, or undefined for an event this service did not write (skipped). */
  readonly decode: (recorded: AllStreamRecordedEvent) => StoredEvent | undefined;
  readonly backoff: Backoff;
  readonly onClose?: () => void;
}

/**
 * A catch-up subscription to `$all` (system events filtered out by the server),
 * handed out in batches. When the server goes away, it subscribes again after
 * the last event it handed out, waiting longer after each failed attempt; other
 * errors end it, and the projection runner decides.
 */
export class EventStoreDbLogSubscription implements LogSubscription {
  private readonly logger = new Logger('eventstoredb');
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private after: LogPosition | undefined;
  private wakeFromPause: (() => void) | undefined;

  constructor(private readonly options: SubscriptionOptions) {
    this.after = options.after;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<readonly StoredEvent[]> {
    const backoff = this.options.backoff;
    while (!this.closed) {
      const subscription = this.options.open(this.after);
      this.current = subscription;
      try {
        for await (const received of batches<AllStreamResolvedEvent>(subscription, this.options.maxBatchSize)) {
          const fresh = this.fresh(received);
          if (fresh.length === 0) continue;
          backoff.reset();
          this.after = fresh[fresh.length - 1]!.position;
          yield fresh;
        }
        if (this.closed) return;
        throw new EventStoreUnavailableError('EventStoreDB ended the subscription to $all');
      } catch (error) {
        if (this.closed) return;
        const failure = toStoreError(error, { action: 'follow $all' });
        if (!(failure instanceof EventStoreUnavailableError)) throw failure;
        const delay = backoff.next();
        this.logger.warn(`${failure.message}; subscribing again after ${this.after ?? 'the start'} in ${delay} ms`);
        await this.pause(delay);
      } finally {
        this.current = undefined;
        await subscription.unsubscribe().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.options.onClose?.();
    this.wakeFromPause?.();
    await this.current?.unsubscribe().catch(() => undefined);
  }

  /**
   * The server starts after the given position; events at or before it are
   * dropped all the same, so a batch is never handed out twice.
   */
  private fresh(received: readonly AllStreamResolvedEvent[]): StoredEvent[] {
    const events: StoredEvent[] = [];
    for (const resolved of received) {
      if (resolved.event === undefined) continue;
      const event = this.options.decode(resolved.event);
      if (event && (this.after === undefined || event.position > this.after)) events.push(event);
    }
    return events;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeFromPause = done;
    });
  }
}

/**
 * What `batches` needs of a readable stream in object mode. Structural, because
 * the client's stream typings are built on an older @types/node than ours.
 */
export interface ItemStream {
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
}

/**
 * The items of a readable stream in batches: each batch holds what has arrived
 * since the last one, up to `maxSize`. The stream is paused while the consumer
 * lags, so a slow consumer holds the server back rather than filling memory.
 */
export async function* batches<T>(source: ItemStream, maxSize: number): AsyncGenerator<T[]> {
  const highWater = maxSize * 2;
  const queue: T[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const onData = (item: T): void => {
    queue.push(item);
    if (queue.length >= highWater) source.pause();
    signal();
  };
  const onError = (error: Error): void => {
    failure = error;
    signal();
  };
  const onEnd = (): void => {
    ended = true;
    signal();
  };
  source.on('data', onData);
  source.on('error', onError);
  source.on('end', onEnd);
  source.on('close', onEnd);
  try {
    for (;;) {
      if (queue.length > 0) {
        const batch = queue.splice(0, maxSize);
        if (source.isPaused() && queue.length < highWater) source.resume();
        yield batch;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    source.removeListener('data', onData);
    source.removeListener('error', onError);
    source.removeListener('end', onEnd);
    source.removeListener('close', onEnd);
  }
}
