import { Inject, Injectable } from '@nestjs/common';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type AppendResult,
  type NewEvent,
  type StoredEvent,
} from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { Clock } from '../shared/clock.js';
import { assertNever, isAlreadyApplied, type Decider } from '../shared/domain/decider.js';
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
  /** The cache's generation in which the entry was last moved to the recent end (`remember`). */
  movedIn: number;
}

const MAX_ATTEMPTS = 5;
const MAX_CACHED_STREAMS = 10_000;
/** Loads a generation of the cache lasts: a stream is moved to the recent end at most once in each. */
const LOADS_PER_GENERATION = MAX_CACHED_STREAMS / 10;

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
  private loads = 0;
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
    const [settled] = await this.executeAll(stream, decider, [{ command, sender }]);
    if (settled!.status === 'rejected') throw settled!.reason;
    return settled!.value;
  }

  /**
   * Commands on one stream decided in turn, each against the state the ones
   * before it left, and appended together: one append, one commit, where one
   * at a time would cost a commit each. Each command is answered as `execute`
   * would answer it alone, in order: refused, a repeat, or what it wrote.
   */
  async executeAll<C extends AnyCommand, E extends AnyEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    commands: readonly SentCommand<C>[],
  ): Promise<PromiseSettledResult<CommandOutcome<E>>[]> {
    const contexts = commands.map(({ command, sender }) => commandContext(command, sender));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const answers = await this.locks.run(stream, () => this.attempt(stream, decider, commands, contexts));
        if (answers !== 'one-by-one') return answers;
        // An event id already stored elsewhere: a key reused for another request. Alone, each command says which.
        return await Promise.allSettled(
          commands.map(({ command, sender }) => this.execute(stream, decider, command, sender)),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cache.delete(stream);
        await pause(attempt);
      }
    }
    throw new ConcurrencyConflictError(stream, MAX_ATTEMPTS);
  }

  private async attempt<C extends AnyCommand, E extends AnyEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    commands: readonly SentCommand<C>[],
    contexts: readonly CommandContext[],
  ): Promise<PromiseSettledResult<CommandOutcome<E>>[] | 'one-by-one'> {
    const entry = await this.load(stream, decider);
    const batch: Batch<E, S> = { state: entry.state, revision: entry.revision, events: [], decided: new Map() };
    const earlier = await this.earlierCommands(contexts);
    const plans: Plan<E>[] = [];
    for (const [index, { command }] of commands.entries()) {
      try {
        plans.push(await this.plan(stream, decider, entry, batch, earlier, command, contexts[index]!));
      } catch (error) {
        plans.push({ kind: 'refused', reason: error });
      }
    }
    if (batch.events.length === 0) return plans.map((plan) => settle(plan, nothingWritten));

    let result;
    try {
      result = await this.store.appendToStream(
        stream,
        batch.events.map(({ written }) => written),
        {
          expectedRevision: entry.revision ?? 'no-stream',
        },
      );
    } catch (error) {
      this.cache.delete(stream);
      if (error instanceof DuplicateEventIdError && commands.length > 1) return 'one-by-one';
      const key = contexts[0]!.idempotencyKey;
      if (error instanceof DuplicateEventIdError && key !== undefined) throw new IdempotencyKeyReusedError(key);
      throw error;
    }
    const positionOf = await this.positionsWritten(stream, entry.revision, plans, result);
    entry.state = batch.state;
    entry.revision = result.nextExpectedRevision;
    return plans.map((plan) => settle(plan, positionOf));
  }

  /** What one command of a batch comes to, against the state the commands before it left. */
  private async plan<C, E extends AnyEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    entry: StreamEntry<S>,
    batch: Batch<E, S>,
    earlier: ReadonlyMap<string, StoredEvent>,
    command: C,
    context: CommandContext,
  ): Promise<Plan<E>> {
    if (context.idempotencyKey !== undefined) {
      const { commandId } = context;
      const inBatch = batch.decided.get(commandId);
      if (inBatch && inBatch.requestHash !== context.requestHash) {
        throw new IdempotencyKeyReusedError(context.idempotencyKey);
      }
      if (inBatch) return { kind: 'applied-in-batch', revision: inBatch.revision, events: inBatch.events };
      const last = earlier.get(commandId);
      if (last && last.metadata.requestHash !== context.requestHash) {
        throw new IdempotencyKeyReusedError(context.idempotencyKey);
      }
      if (last) {
        const events = (await this.store.readCommandEvents(commandId)).map((stored) =>
          this.schemas.toDomainEvent<E>(stored),
        );
        return { kind: 'repeat', position: last.position, events };
      }
    }

    const decision = decider.decide(command, batch.state);
    if (isAlreadyApplied(decision)) {
      const revision = BigInt(decision.revision);
      if (revision > (entry.revision ?? -1n)) {
        const events = batch.events.filter((decided) => decided.revision === revision).map(({ event }) => event);
        return { kind: 'applied-in-batch', revision, events };
      }
      const recorded = await this.eventAt(stream, decision.revision);
      return { kind: 'repeat', position: recorded.position, events: [this.schemas.toDomainEvent<E>(recorded)] };
    }

    const recordedAt = this.clock.now().toISOString();
    let revision = batch.revision ?? -1n;
    for (const [index, event] of decision.entries()) {
      revision += 1n;
      batch.state = decider.evolve(batch.state, event, Number(revision));
      batch.events.push({ revision, event, written: this.newEvent(event, index, context, recordedAt) });
    }
    batch.revision = revision;
    batch.decided.set(context.commandId, { requestHash: context.requestHash, revision, events: decision });
    return { kind: 'new', revision, events: decision };
  }

  private newEvent(event: AnyEvent, index: number, context: CommandContext, recordedAt: string): NewEvent {
    return {
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
    };
  }

  /**
   * The log position of each revision a batch wrote. The append answers the
   * last one's, and each one's when the store has them at hand; positions need
   * not follow each other (EventStoreDB's do not), so else they are read back.
   */
  private async positionsWritten(
    stream: string,
    before: bigint | null,
    plans: readonly Plan<AnyEvent>[],
    result: AppendResult,
  ): Promise<(revision: bigint) => bigint> {
    const asked = plans.flatMap((plan) => ('revision' in plan ? [plan.revision] : []));
    if (asked.every((revision) => revision === result.nextExpectedRevision)) return () => result.position;
    const first = (before ?? -1n) + 1n;
    const { positions } = result;
    if (positions) return (revision) => positions[Number(revision - first)] ?? result.position;
    const written = await this.store.readStream(stream, { fromRevision: first });
    const read = new Map(written.map((event) => [event.revision, event.position]));
    return (revision) => read.get(revision) ?? result.position;
  }

  private async load<S>(stream: string, decider: Decider<unknown, AnyEvent, S>): Promise<StreamEntry<S>> {
    let entry = this.cache.get(stream) as StreamEntry<S> | undefined;
    if (entry?.decider !== decider) {
      entry = { decider, revision: null, state: decider.initialState(), movedIn: -1 };
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
  }

  /**
   * Keeps the most recently used streams' folded states. A stream already moved
   * to the recent end in this generation stays where it is: a Map keeps its order
   * by moving a key out and in again, and doing that at every load of a few hot
   * streams took 3.6% of a request's CPU time in a profile (attendances from 16
   * connections over 50 sessions). The order stays close to the uses': the
   * oldest entry was moved before all the others, a generation moves at most
   * LOADS_PER_GENERATION entries, so no stream loaded in the last 8,000 loads is
   * dropped.
   */
  private remember(stream: string, entry: StreamEntry<unknown>): void {
    const generation = Math.floor(this.loads++ / LOADS_PER_GENERATION);
    if (entry.movedIn === generation && this.cache.get(stream) === entry) return;
    entry.movedIn = generation;
    this.cache.delete(stream);
    this.cache.set(stream, entry);
    if (this.cache.size > MAX_CACHED_STREAMS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /**
   * The last event of each keyed command already stored, on any stream: a
   * request that would write nothing here (a fact already recorded) must still
   * be refused when its key was used for something else. One read for a batch,
   * and nothing kept per stream (a cache of every command seen grew with the log).
   */
  private async earlierCommands(contexts: readonly CommandContext[]): Promise<ReadonlyMap<string, StoredEvent>> {
    const keyed = new Set(
      contexts.flatMap((context) => (context.idempotencyKey === undefined ? [] : [context.commandId])),
    );
    return keyed.size === 0 ? new Map() : this.store.readLastCommandEvents([...keyed]);
  }

  private async eventAt(stream: string, revision: number): Promise<StoredEvent> {
    const [event] = await this.store.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!event) throw new Error(`Stream ${stream} has no event at revision ${revision}`);
    return event;
  }
}

/** A command and who sent it, one of several decided together (`executeAll`). */
export interface SentCommand<C> {
  readonly command: C;
  readonly sender: CommandSender;
}

/** What a batch has decided so far: the state its commands left, and the events they will write. */
interface Batch<E, S> {
  state: S;
  revision: bigint | null;
  readonly events: { readonly revision: bigint; readonly event: E; readonly written: NewEvent }[];
  /** The batch's commands that decided events, by command id: a repeat of one later in the batch is answered as one. */
  readonly decided: Map<
    string,
    { readonly requestHash: string; readonly revision: bigint; readonly events: readonly E[] }
  >;
}

/** What became of one command of a batch; positions are known once the batch is appended. */
type Plan<E> =
  | { readonly kind: 'refused'; readonly reason: unknown }
  | { readonly kind: 'repeat'; readonly position: bigint; readonly events: readonly E[] }
  | { readonly kind: 'applied-in-batch' | 'new'; readonly revision: bigint; readonly events: readonly E[] };

function settle<E extends AnyEvent>(
  plan: Plan<E>,
  positionOf: (revision: bigint) => bigint,
): PromiseSettledResult<CommandOutcome<E>> {
  switch (plan.kind) {
    case 'refused':
      return { status: 'rejected', reason: plan.reason };
    case 'repeat':
      return { status: 'fulfilled', value: { status: 'unchanged', position: plan.position, events: plan.events } };
    case 'applied-in-batch':
    case 'new': {
      const status = plan.kind === 'new' ? 'created' : 'unchanged';
      return { status: 'fulfilled', value: { status, position: positionOf(plan.revision), events: plan.events } };
    }
    default:
      return assertNever(plan);
  }
}

const nothingWritten = (revision: bigint): bigint => {
  throw new Error(`No event was written at revision ${revision}`);
};

/** Backs off a little more at each attempt, with jitter, so that retrying writers spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
