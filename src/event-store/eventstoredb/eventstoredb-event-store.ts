import { Logger } from '@nestjs/common';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type Position,
} from '@eventstore/db-client';
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
  type StreamRevision,
  type SubscribeOptions,
} from '../event-store.port.js';
import { Backoff } from './backoff.js';
import { toStoreError } from './eventstoredb-errors.js';
import { LOG_STREAMS, decodeEvent, encodeEvent, isOutsideTheLog } from './eventstoredb-event-encoding.js';
import {
  isKnownPosition,
  toClientExpectedRevision,
  toClientPosition,
  toLogPosition,
} from './eventstoredb-positions.js';
import { CommandIndex } from './eventstoredb-command-index.js';
import { readToEnd } from './eventstoredb-reads.js';
import { EventStoreDbLogSubscription } from './eventstoredb-subscription.js';

export interface EventStoreDbStoreOptions {
  /** How long a ping (/health, start-up) may wait for the server. */
  readonly pingDeadlineMs?: number;
  /** How long any other read may wait for the server before it is cancelled (the client sets no deadline on reads). */
  readonly readTimeoutMs?: number;
  /** How long an append may wait for the server's answer; the stream's lock is released when it gives up. */
  readonly appendTimeoutMs?: number;
  /** First and longest wait before a dropped subscription subscribes again. */
  readonly resubscribeDelayMs?: { readonly initial: number; readonly max: number };
  /** Told the number of events of each acknowledged append (metrics). */
  readonly onAppend?: (events: number) => void;
  /** Told of each event of the log this service did not write, once, when it is skipped (metrics). */
  readonly onSkip?: (events: number) => void;
}

const DEFAULT_READ_BATCH = 1000;
/** A read of up to a page of events; the client's own default deadline for a call is 10 s too. */
const DEFAULT_READ_TIMEOUT_MS = 10_000;
const DEFAULT_APPEND_TIMEOUT_MS = 10_000;
/** Pages read backwards from the end to find the last event that is not the server's own. */
const HEAD_SEARCH_PAGE = 100;

/**
 * The event store on EventStoreDB (KurrentDB), through its gRPC client.
 *
 * Appends check the expected revision on the server; event ids are the
 * service's (derived from the Idempotency-Key), so a retried append is
 * recognised by the server and answered with the first result. `$all` reads and
 * the subscription leave out the server's own events (types and streams starting
 * with `$`); positions are commit positions.
 */
export class EventStoreDbEventStore implements EventStore {
  /** Commit positions are unsigned 64-bit numbers. */
  readonly maxPosition = 2n ** 64n - 1n;
  private closed = false;
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly commands: CommandIndex;
  /** Positions of the events skipped because this service did not write them. */
  private readonly skipped = new Set<LogPosition>();
  private readonly logger = new Logger('eventstoredb');

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbStoreOptions = {},
  ) {
    appendWithOneCallEach(client);
    this.commands = new CommandIndex(client, {
      appendMs: options.appendTimeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS,
      readMs: options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    });
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new Error('Nothing to append');
    const call = { action: 'append', stream, expectedRevision: options.expectedRevision };
    try {
      await this.commands.reserve(stream, events, options.expectedRevision);
      const result = await this.client.appendToStream(stream, events.map(encodeEvent), {
        expectedRevision: toClientExpectedRevision(options.expectedRevision),
        deadline: this.options.appendTimeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS,
      });
      const position = isKnownPosition(result.position)
        ? toLogPosition(result.position, `the append to ${stream}`)
        : await this.positionAt(stream, result.nextExpectedRevision);
      this.options.onAppend?.(events.length);
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw toStoreError(error, call);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    try {
      const read = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ?? START,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      const resolved = await readToEnd(read, this.readTimeoutMs, 'read a stream');
      return resolved.flatMap((r) => (r.event ? [decodeEvent(r.event)] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error, { action: 'read a stream' });
    }
  }

  /** The events a command wrote, from its reservation in the command index (see CommandIndex). */
  async readCommandEvents(commandId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    try {
      return await this.commands.eventsOf(commandId, (stream, fromRevision, maxCount) =>
        this.readStream(stream, { fromRevision, maxCount }),
      );
    } catch (error) {
      throw toStoreError(error, { action: 'read the events of a command' });
    }
  }

  /** Each command's events read from its reservation: the server has no query for many at once. */
  async readLastCommandEvents(commandIds: readonly string[]): Promise<Map<string, StoredEvent>> {
    const events = await Promise.all(commandIds.map((commandId) => this.readCommandEvents(commandId)));
    return lastByCommand(events.flat());
  }

  /**
   * Reads pages of `$all` until `maxCount` of the service's events are found or
   * the log ends: pages of only system events do not end the read early.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    const found: StoredEvent[] = [];
    let after = options.after;
    try {
      for (;;) {
        const page = await this.readAllPage(after, maxCount);
        for (const resolved of page.events) {
          const event = this.decodeOrSkip(resolved);
          if (event && found.length < maxCount) found.push(event);
        }
        if (found.length >= maxCount || page.last === undefined || page.ended) return found;
        after = page.last;
      }
    } catch (error) {
      throw toStoreError(error, { action: 'read $all' });
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): LogSubscription {
    this.assertOpen();
    const delays = this.options.resubscribeDelayMs ?? { initial: 250, max: 10_000 };
    const subscription = new EventStoreDbLogSubscription({
      open: (after) =>
        this.client.subscribeToAll({
          fromPosition: after === undefined ? START : toClientPosition(after),
          filter: streamNameFilter({ regex: LOG_STREAMS }),
        }),
      after: options.after,
      maxBatchSize: options.maxBatchSize ?? DEFAULT_READ_BATCH,
      decode: (recorded) => this.decodeOrSkip(recorded),
      backoff: new Backoff(delays.initial, delays.max),
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition | null> {
    this.assertOpen();
    try {
      let from: typeof END | Position = END;
      for (;;) {
        const read = this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_SEARCH_PAGE });
        const page = await readToEnd(read, this.readTimeoutMs, 'read the end of $all');
        const last = page.find((resolved) => resolved.event && !isOutsideTheLog(resolved.event));
        if (last?.event) return toLogPosition(last.event.position, 'the last event');
        const oldest = page[page.length - 1];
        if (page.length < HEAD_SEARCH_PAGE || !oldest?.event) return null;
        // Reading backwards from a position starts before it.
        from = toClientPosition(toLogPosition(oldest.event.position, 'an event of $all'));
      }
    } catch (error) {
      throw toStoreError(error, { action: 'read the end of $all' });
    }
  }

  /** Reads the last event of the log: a read that completes, so it leaves nothing open. */
  async ping(): Promise<void> {
    this.assertOpen();
    try {
      const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      await readToEnd(read, this.options.pingDeadlineMs ?? 3000, 'answer');
    } catch (error) {
      throw toStoreError(error, { action: 'answer' });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** One page of `$all` forwards after a position (exclusive), the service's events only. */
  private async readAllPage(
    after: LogPosition | undefined,
    maxCount: number,
  ): Promise<{ events: AllStreamRecordedEvent[]; last: LogPosition | undefined; ended: boolean }> {
    // Reading forwards from a position includes the event at it: one more is asked for.
    const wanted = after === undefined ? maxCount : maxCount + 1;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after === undefined ? START : toClientPosition(after),
      maxCount: wanted,
    });
    const page = await readToEnd(read, this.readTimeoutMs, 'read $all');
    const events: AllStreamRecordedEvent[] = [];
    let last: LogPosition | undefined;
    for (const resolved of page) {
      const event = resolved.event;
      if (!event) continue;
      last = toLogPosition(event.position, 'an event of $all');
      if (after !== undefined && last <= after) continue;
      if (!isOutsideTheLog(event)) events.push(event);
    }
    return { events, last, ended: page.length < wanted };
  }

  /** The position of the event at a revision, when the server answers an append (a repeated one) without it. */
  private async positionAt(stream: string, revision: StreamRevision): Promise<LogPosition> {
    const read = this.client.readStream(stream, { fromRevision: revision, maxCount: 1 });
    const [resolved] = await readToEnd(read, this.readTimeoutMs, `read ${stream}@${revision}`);
    if (resolved?.event) return toLogPosition(resolved.event.position, `${stream}@${revision}`);
    throw new EventStoreUnavailableError(`EventStoreDB acknowledged an append to ${stream} it does not return`);
  }

  /**
   * Events of the log this service did not write (a server shared with another
   * application), skipped by `$all` reads and the subscription, so that they
   * cannot stop the projections for good. Shown in /health and /metrics.
   */
  get skippedEvents(): number {
    return this.skipped.size;
  }

  /** The port's event, or undefined (counted once, and logged) when this service did not write it. */
  private decodeOrSkip(recorded: AllStreamRecordedEvent): StoredEvent | undefined {
    try {
      return decodeEvent(recorded);
    } catch (error) {
      const position = recorded.position?.commit ?? -1n;
      if (!this.skipped.has(position)) {
        this.skipped.add(position);
        this.options.onSkip?.(1);
        this.logger.warn(
          `Skipped event ${recorded.id} of ${recorded.streamId}@${recorded.revision} at position ${position}: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return undefined;
    }
  }

  private get readTimeoutMs(): number {
    return this.options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

/**
 * Makes the client append with one unary Append call each, never its batch
 * append stream. In @eventstore/db-client 6.2.1 the batch append keeps one
 * module-level map of pending appends: an error on one batch rejects every
 * pending append; a late or unknown answer throws inside grpc-js, where nothing
 * can catch it (it stops Node); a status without details (a busy or not-ready
 * server) throws there too; and an append can stay unsettled forever, holding
 * its stream's lock. A unary Append has its own deadline and settles its own
 * promise only. The client picks the batch append when the server lists it in
 * its features, so the adapter tells it the server does not.
 */
function appendWithOneCallEach(client: EventStoreDBClient): void {
  const internals = client as unknown as { supports: (method: { path: string }, feature?: string) => Promise<boolean> };
  const supports = internals.supports;
  internals.supports = (method, feature) =>
    method.path === BATCH_APPEND_PATH ? Promise.resolve(false) : supports(method, feature);
}

const BATCH_APPEND_PATH = '/event_store.client.streams.Streams/BatchAppend';
