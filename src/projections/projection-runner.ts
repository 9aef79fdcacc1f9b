import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_STORE,
  type EventStore,
  type LogSubscription,
  type StoredEvent,
} from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { KindedError } from '../shared/errors.js';
import { PROJECTIONS, type Projection } from './projection.js';
import { ReadStore } from './read-store.js';

/** A query asked for a position the read models did not reach in time. */
export class ProjectionsBehindError extends KindedError {
  readonly kind = 'projections-behind';

  constructor(
    readonly wanted: bigint,
    readonly reached: bigint | null,
  ) {
    super(`The read models have reached position ${reached ?? 0n}, not yet ${wanted}; retry shortly`);
  }
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
}

const BATCH_SIZE = 1000;

/**
 * While commands keep coming, the log's new events are applied at most once
 * every this many milliseconds: the first batch after a quiet spell at once,
 * then what came during the window in one batch. A batch for each commit cost
 * a read-store transaction and every projection's checkpoint for a few events
 * (docs/performance.md, "Fourth round: the projections' window"). A query
 * waiting for a position ends the window at once, and ReadConsistency makes
 * every query wait for it: a query sees what was answered before it was sent,
 * as without the window.
 */
const BATCH_WINDOW_MS = 2;

/**
 * Feeds every projection from the event store's subscription (never from the
 * in-memory EventBus, which loses events on a crash), one transaction a batch,
 * each projection's checkpoint written with its read model.
 */
@Injectable()
export class ProjectionRunner {
  private readonly logger = new Logger('projections');
  private readonly checkpoints = new Map<string, bigint | null>();
  private readonly waiters = new Set<Waiter>();
  private subscription: LogSubscription | undefined;
  private following: Promise<void> | undefined;
  private stopped = false;
  private lastFailure: Error | undefined;
  /** Ends the window between two batches early: a query waits for a position, or the runner stops. */
  private endWindow: (() => void) | undefined;
  private readonly onBatch: Array<(position: bigint, events: number) => void> = [];
  /** The window between two batches while the log keeps growing; 0 applies each commit's events at once. */
  windowMs = BATCH_WINDOW_MS;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readStore: ReadStore,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    private readonly schemas: EventSchemas,
  ) {}

  /**
   * Prepares and loads every projection, then (unless told not to) follows the
   * log in the background.
   */
  start(options: { follow?: boolean } = {}): void {
    if (this.following) return;
    this.stopped = false;
    for (const projection of this.projections) {
      this.checkpoints.set(projection.name, this.readStore.prepare(projection).position);
      projection.load(this.readStore.db);
    }
    if (options.follow ?? true) this.following = this.follow();
  }

  /** The position every read model has reached; null before the first event. */
  get position(): bigint | null {
    // Not started (the command line): the checkpoints stored with the read models.
    const positions =
      this.checkpoints.size > 0
        ? [...this.checkpoints.values()]
        : this.projections.map((projection) => this.readStore.checkpoint(projection.name)?.position ?? null);
    let lowest: bigint | undefined;
    for (const position of positions) {
      if (position === null) return null;
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? null;
  }

  /** The projections this runner feeds, for verification. */
  projectionsForAudit(): readonly Projection[] {
    return this.projections;
  }

  /** Whether the runner follows the log in the background (the service), or only catches up when told (the CLI). */
  get isFollowing(): boolean {
    return this.following !== undefined;
  }

  /** Whether events committed since the last batch may be waiting for the next one (the window between two batches). */
  get gathering(): boolean {
    return this.endWindow !== undefined;
  }

  get failure(): Error | undefined {
    return this.lastFailure;
  }

  /** Resolves when the read models reflect at least `position`, or rejects after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (this.reached(position)) return;
    const reached = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve: (ok) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
      this.endWindow?.();
    });
    if (!reached) throw new ProjectionsBehindError(position, this.position);
  }

  /** Resolves when the read models reflect every event the log holds now, or rejects after `timeoutMs`. */
  async waitForHead(timeoutMs: number): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== null) await this.waitFor(head, timeoutMs);
  }

  /** Called after each batch is committed (metrics). */
  observe(listener: (position: bigint, events: number) => void): void {
    this.onBatch.push(listener);
  }

  /** Applies the log up to its current head (or up to `until`) and returns; for the command line. */
  async catchUp(until?: bigint): Promise<void> {
    for (;;) {
      const current = this.position;
      if (until !== undefined && current !== null && current >= until) return;
      const batch = await this.store.readAll({ ...this.after(), maxCount: BATCH_SIZE });
      const wanted = until === undefined ? batch : batch.filter((event) => event.position <= until);
      if (wanted.length === 0) return;
      this.deliver(wanted);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.endWindow?.();
    await this.subscription?.close();
    await this.following;
    this.following = undefined;
  }

  private async follow(): Promise<void> {
    let retryDelay = 100;
    while (!this.stopped) {
      try {
        this.subscription = this.store.subscribeToAll({ ...this.after(), maxBatchSize: BATCH_SIZE });
        for await (const batch of this.subscription) {
          this.deliver(batch);
          retryDelay = 100;
          if (this.stopped) break;
          if (batch.length < BATCH_SIZE) await this.window();
        }
      } catch (error) {
        if (this.stopped) break;
        this.lastFailure = error instanceof Error ? error : new Error(String(error));
        this.logger.error({ err: error }, `A projection batch failed; retrying in ${retryDelay} ms`);
        await this.subscription?.close();
        this.reload();
        await new Promise((resolve) => setTimeout(resolve, retryDelay));
        retryDelay = Math.min(retryDelay * 2, 10_000);
      }
    }
  }

  /** Resolves after the window, or at once when a query waits for a position. */
  private window(): Promise<void> {
    if (this.waiters.size > 0 || this.windowMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        this.endWindow = undefined;
        resolve();
      };
      const timer = setTimeout(end, this.windowMs);
      this.endWindow = end;
    });
  }

  private after(): { after?: bigint } {
    const position = this.position;
    return position === null ? {} : { after: position };
  }

  /**
   * Applies a batch of the log. Events at or before a projection's checkpoint
   * are skipped, so a batch delivered twice changes nothing.
   */
  deliver(batch: readonly StoredEvent[]): void {
    if (batch.length === 0) return;
    const events = batch.map((event) => this.schemas.upcast(event));
    const first = batch[0]!.position;
    const last = batch[batch.length - 1]!.position;
    this.readStore.db.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name) ?? null;
        const seen = projection.readsStoredEvents ? batch : events;
        // Filtered only when the batch overlaps what the projection holds: a catch-up's batches never do.
        const fresh =
          checkpoint === null || checkpoint < first ? seen : seen.filter((event) => event.position > checkpoint);
        if (fresh.length === 0) continue;
        projection.apply(fresh, this.readStore.db);
        this.readStore.saveCheckpoint(projection.name, { version: projection.version, position: last });
      }
    })();
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? null;
      if (checkpoint === null || checkpoint < last) this.checkpoints.set(projection.name, last);
    }
    this.lastFailure = undefined;
    for (const listener of this.onBatch) listener(last, events.length);
    for (const waiter of [...this.waiters]) {
      if (this.reached(waiter.position)) {
        this.waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  }

  /** After a failed batch was rolled back, the in-memory mirrors are read again from the tables. */
  private reload(): void {
    for (const projection of this.projections) projection.load(this.readStore.db);
  }

  private reached(position: bigint): boolean {
    const current = this.position;
    return position <= 0n || (current !== null && current >= position);
  }
}
