import { KindedError } from '../shared/errors.js';

/**
 * The event store port. Everything above it is the same whichever store runs:
 * the embedded SQLite store or EventStoreDB.
 *
 * Positions and revisions are 64-bit: EventStoreDB commit positions exceed 2^53,
 * so they are bigint inside the service and decimal strings at the API.
 */
export type LogPosition = bigint;
export type StreamRevision = bigint;

/**
 * `no-stream`: the stream must not exist yet; `stream-exists`: it must exist;
 * `any`: no check; a revision: the stream's last event must be at exactly that revision.
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | StreamRevision;

export interface EventMetadata {
  /** Server clock when the command was decided (ISO 8601, UTC). */
  readonly recordedAt: string;
  /** Who sent the command (a token id once security is on). */
  readonly actor: string;
  /** The command's id: its Idempotency-Key when given. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Version of the event's data shape, for upcasting old events on read. */
  readonly schemaVersion: number;
  /** Digest of the request that produced the event, to tell a retry from a reused key. */
  readonly requestHash?: string;
  /** The import that wrote the event (`POST /api/imports`), and the spreadsheet line it came from. */
  readonly importId?: string;
  readonly line?: number;
}

export interface EventData {
  readonly [key: string]: unknown;
}

export interface NewEvent {
  /** A UUID. Deterministic ids make a retried append recognisable by the store. */
  readonly id: string;
  readonly type: string;
  readonly data: EventData;
  readonly metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  readonly stream: string;
  readonly revision: StreamRevision;
  readonly position: LogPosition;
  /**
   * The JSON text of `data` and `metadata` as the store holds it, when the
   * adapter has it (the embedded store does): the audit chain hashes it and the
   * journal keeps it without serialising the event again. It is what
   * `JSON.stringify` gives of the parsed values, which adapters without it use.
   */
  readonly json?: { readonly data: string; readonly metadata: string };
}

/** The JSON text of an event's data: as stored when the adapter has it, else serialised. */
export const dataJson = (event: StoredEvent): string => event.json?.data ?? JSON.stringify(event.data);

/** The JSON text of an event's metadata: as stored when the adapter has it, else serialised. */
export const metadataJson = (event: StoredEvent): string => event.json?.metadata ?? JSON.stringify(event.metadata);

export interface AppendResult {
  /** Revision of the last event written: the expected revision of the next append. */
  readonly nextExpectedRevision: StreamRevision;
  /** Global position of the last event written. */
  readonly position: LogPosition;
  /**
   * The position of each event written, in order, when the adapter has them
   * at hand (the embedded store does); without them, read the stream back.
   */
  readonly positions?: readonly LogPosition[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); 0 by default. */
  readonly fromRevision?: StreamRevision;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read the events after this position (exclusive); from the start when absent. */
  readonly after?: LogPosition;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Resume after this checkpoint (exclusive); from the start when absent. */
  readonly after?: LogPosition;
  /** Largest batch handed to the consumer at once. */
  readonly maxBatchSize?: number;
}

/**
 * A catch-up subscription to the whole log: it yields what is stored after the
 * checkpoint, then keeps following new events, in batches in log order.
 */
export interface LogSubscription extends AsyncIterable<readonly StoredEvent[]> {
  close(): Promise<void>;
}

/** What reads a stream and nothing else: a report's projects are folded from their streams. */
export interface StreamReader {
  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(stream: string): Promise<StoredEvent[]>;
}

export interface EventStore {
  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The events one command wrote, in log order, found by the `commandId` of
   * their metadata (its Idempotency-Key when it had one); empty when it wrote
   * none. Tells a retry from a key reused for another request, whichever
   * stream each names.
   */
  readCommandEvents(commandId: string): Promise<StoredEvent[]>;
  /**
   * The last event each of these commands wrote, by command id; a command that
   * wrote none is absent. One read for a batch of commands where
   * `readCommandEvents` would take one each.
   */
  readLastCommandEvents(commandIds: readonly string[]): Promise<Map<string, StoredEvent>>;
  subscribeToAll(options?: SubscribeOptions): LogSubscription;
  /** Position of the last event in the log, or null when the log is empty. */
  headPosition(): Promise<LogPosition | null>;
  /** The largest position this store can ever give an event: a wait for a later one could never end. */
  readonly maxPosition: LogPosition;
  /**
   * Events in the log this service did not write (a server shared with another
   * application), left out of reads and the subscription; absent when the store
   * holds only the service's own (the embedded store).
   */
  readonly skippedEvents?: number;
  /** Whether the store answers; used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The last of each command's events, by command id: events read in log order. */
export function lastByCommand(events: readonly StoredEvent[]): Map<string, StoredEvent> {
  const last = new Map<string, StoredEvent>();
  for (const event of events) last.set(event.metadata.commandId, event);
  return last;
}

/** Injection token for the port (an interface has no runtime value). */
export const EVENT_STORE = Symbol('EventStore');

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or null when it does not exist. */
    readonly actual: StreamRevision | null,
  ) {
    super(
      `Wrong expected revision for stream ${stream}: expected ${String(expected)}, actual ${actual === null ? 'no stream' : String(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id that is already stored in another stream or at another revision. */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    readonly stream: string,
  ) {
    super(`Event id ${eventId} is already stored (appending to ${stream})`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The store cannot take or serve writes right now (disk full, read-only, corrupt, unreachable). */
export class EventStoreUnavailableError extends KindedError {
  readonly kind = 'store-unavailable';
}

export function matchesExpectedRevision(expected: ExpectedRevision, actual: StreamRevision | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === null;
    case 'stream-exists':
      return actual !== null;
    default:
      return actual === expected;
  }
}
