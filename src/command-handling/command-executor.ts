import { Inject, Injectable } from '@nestjs/common';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { Clock } from '../shared/clock.js';
import { isAlreadyApplied, type Decider } from '../shared/domain/decider.js';
import type { DomainEvent } from '../shared/domain/event.js';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './command-errors.js';
import { commandContext, eventIdFor, type CommandContext, type CommandSender } from './command-context.js';
import { KeyedLock } from './keyed-lock.js';

type AnyEvent = DomainEvent<string, object>;

export interface CommandOutcome<E extends AnyEvent = AnyEvent> {
  /** `created`: events were written; `unchanged`: a repeat, nothing was written. */
  readonly status: 'created' | 'unchanged';
  /** Global position of the last event written, or of the event that recorded the repeated fact. */
  readonly position: bigint;
  /** The events written; for a repeat, the events that recorded the fact the first time, as read now. */
  readonly events: readonly E[];
}
type AnyCommand = { readonly type: string; readonly data: object };

interface StreamEntry<S> {
  readonly decider: Decider<unknown, AnyEvent, S>;
  revision: bigint | null;
  state: S;
  /** Commands already applied to this stream: their request digest and the position they answered. */
  readonly commands: Map<string, { readonly requestHash: string | undefined; readonly position: bigint }>;
}

const MAX_ATTEMPTS = 5;
const MAX_CACHED_STREAMS = 10_000;

/**
 * The command loop: load the stream (from a cache of folded states, reading
 * only the events appended since), decide, append with the expected revision,
 * retry a bounded number of times when another writer got there first.
 *
 * Commands on one stream are decided one at a time, in arrival order; commands
 * on different streams proceed together and share the store's group commit.
 */
@Injectable()
export class CommandExecutor {
  private readonly cache = new Map<string, StreamEntry<unknown>>();
  private readonly locks = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly schemas: EventSchemas,
  ) {}

  /** The current state of a stream, for the facts a command needs about another aggregate. */
  state<S>(stream: string, decider: Decider<never, AnyEvent, S>): Promise<S> {
    return this.locks.run(stream, async () => (await this.load(stream, decider)).state);
  }

  async execute<C extends AnyCommand, E extends AnyEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    sender: CommandSender,
  ): Promise<CommandOutcome<E>> {
    const context = commandContext(command, sender);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return await this.locks.run(stream, () => this.attempt(stream, decider, command, context));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cache.delete(stream);
        await pause(attempt);
      }
    }
    throw new ConcurrencyConflictError(stream, MAX_ATTEMPTS);
  }

  private async attempt<C, E extends AnyEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
  ): Promise<CommandOutcome<E>> {
    const entry = await this.load(stream, decider);
    const key = context.idempotencyKey;
    if (key !== undefined) {
      const { commandId } = context;
      const earlier = entry.commands.get(commandId) ?? (await this.elsewhere(commandId));
      if (earlier && earlier.requestHash !== context.requestHash) throw new IdempotencyKeyReusedError(key);
      if (earlier) {
        const events = (await this.store.readCommandEvents(commandId)).map((stored) =>
          this.schemas.toDomainEvent<E>(stored),
        );
        return { status: 'unchanged', position: earlier.position, events };
      }
    }

    const decision = decider.decide(command, entry.state);
    if (isAlreadyApplied(decision)) {
      const recorded = await this.eventAt(stream, decision.revision);
      return { status: 'unchanged', position: recorded.position, events: [this.schemas.toDomainEvent<E>(recorded)] };
    }

    const recordedAt = this.clock.now().toISOString();
    const events: NewEvent[] = decision.map((event, index) => ({
      id: eventIdFor(context, index),
      type: event.type,
      data: event.data as NewEvent['data'],
      metadata: {
        recordedAt,
        actor: context.actor,
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        schemaVersion: this.schemas.currentVersion(event.type),
        requestHash: context.requestHash,
        ...(context.origin === undefined ? {} : { importId: context.origin.importId, line: context.origin.line }),
      },
    }));

    let result;
    try {
      result = await this.store.appendToStream(stream, events, { expectedRevision: entry.revision ?? 'no-stream' });
    } catch (error) {
      this.cache.delete(stream);
      if (error instanceof DuplicateEventIdError && context.idempotencyKey !== undefined) {
        throw new IdempotencyKeyReusedError(context.idempotencyKey);
      }
      throw error;
    }

    let revision = entry.revision ?? -1n;
    for (const event of decision) {
      revision += 1n;
      entry.state = decider.evolve(entry.state, event, Number(revision));
    }
    entry.revision = result.nextExpectedRevision;
    entry.commands.set(context.commandId, { requestHash: context.requestHash, position: result.position });
    return { status: 'created', position: result.position, events: decision };
  }

  private async load<S>(stream: string, decider: Decider<unknown, AnyEvent, S>): Promise<StreamEntry<S>> {
    let entry = this.cache.get(stream) as StreamEntry<S> | undefined;
    if (entry?.decider !== decider) {
      entry = { decider, revision: null, state: decider.initialState(), commands: new Map() };
    }
    const fromRevision = entry.revision === null ? 0n : entry.revision + 1n;
    const events = await this.store.readStream(stream, { fromRevision });
    for (const stored of events) this.fold(entry, stored);
    this.remember(stream, entry);
    return entry;
  }

  private fold<S>(entry: StreamEntry<S>, stored: StoredEvent): void {
    const event = this.schemas.toDomainEvent(stored);
    entry.state = entry.decider.evolve(entry.state, event, Number(stored.revision));
    entry.revision = stored.revision;
    entry.commands.set(stored.metadata.commandId, {
      requestHash: stored.metadata.requestHash,
      position: stored.position,
    });
  }

  /** Keeps the most recently used streams' folded states. */
  private remember(stream: string, entry: StreamEntry<unknown>): void {
    this.cache.delete(stream);
    this.cache.set(stream, entry);
    if (this.cache.size > MAX_CACHED_STREAMS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /**
   * A key this stream has not seen may have written to another stream: a
   * request that would write nothing here (a fact already recorded) must still
   * be refused when its key was used for something else.
   */
  private async elsewhere(
    commandId: string,
  ): Promise<{ requestHash: string | undefined; position: bigint } | undefined> {
    const events = await this.store.readCommandEvents(commandId);
    const last = events[events.length - 1];
    return last && { requestHash: last.metadata.requestHash, position: last.position };
  }

  private async eventAt(stream: string, revision: number): Promise<StoredEvent> {
    const [event] = await this.store.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!event) throw new Error(`Stream ${stream} has no event at revision ${revision}`);
    return event;
  }
}

/** Backs off a little more at each attempt, with jitter, so that retrying writers spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
