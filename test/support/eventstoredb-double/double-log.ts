/**
 * The log of the EventStoreDB test double: what the server decides on an
 * append (expected revisions, idempotent retries by event id within the
 * stream, the append size limit) and what its reads return, held in memory.
 *
 * Written from the server's documented behaviour (v24.10): positions are
 * byte offsets that grow with each record, commit and prepare positions are
 * equal for gRPC appends; a retried append whose event ids already sit at the
 * expected place in the stream is answered as written, without a position;
 * event ids are compared within the target stream only.
 */

export type Expected =
  { readonly kind: 'any' | 'no-stream' | 'stream-exists' } | { readonly kind: 'revision'; readonly revision: bigint };

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface LogRecord extends ProposedEvent {
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** .NET ticks (100 ns since 0001-01-01), as the server sends `created`. */
  readonly created: bigint;
}

export type AppendOutcome =
  | {
      readonly kind: 'written';
      readonly revision: bigint;
      readonly position: bigint;
      readonly records: readonly LogRecord[];
    }
  | { readonly kind: 'idempotent'; readonly revision: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | null; readonly expected: Expected }
  | { readonly kind: 'too-large'; readonly maxAppendSize: number };

/** Ticks between 0001-01-01 and 1970-01-01. */
const EPOCH_TICKS = 621_355_968_000_000_000n;
/** What a record costs in the log besides its data and metadata (the real header is of this order). */
const RECORD_HEADER = 96n;

export class DoubleLog {
  readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private nextPosition: bigint;

  constructor(
    private readonly maxAppendSize: number,
    firstPosition: bigint,
  ) {
    this.nextPosition = firstPosition;
  }

  /** The server's size of an event, compared with MaxAppendSize: its data, metadata and type. */
  static sizeOf(event: ProposedEvent): number {
    return event.data.length + event.metadata.length + Buffer.byteLength(event.type);
  }

  lastRevision(stream: string): bigint | null {
    const events = this.streams.get(stream);
    return events && events.length > 0 ? events[events.length - 1]!.revision : null;
  }

  stream(stream: string): readonly LogRecord[] | undefined {
    return this.streams.get(stream);
  }

  append(stream: string, expected: Expected, events: readonly ProposedEvent[], now: Date): AppendOutcome {
    const size = events.reduce((sum, event) => sum + DoubleLog.sizeOf(event), 0);
    if (size > this.maxAppendSize) return { kind: 'too-large', maxAppendSize: this.maxAppendSize };
    const current = this.lastRevision(stream);
    const repeated = this.repeatedAt(stream, expected, events);
    if (repeated !== undefined) return { kind: 'idempotent', revision: repeated };
    if (!matches(expected, current)) return { kind: 'wrong-expected-version', current, expected };
    if (events.length === 0) {
      return { kind: 'written', revision: current ?? -1n, position: this.nextPosition - 1n, records: [] };
    }
    const records: LogRecord[] = [];
    let revision = current ?? -1n;
    const created = EPOCH_TICKS + BigInt(now.getTime()) * 10_000n;
    for (const event of events) {
      revision += 1n;
      const record: LogRecord = { ...event, stream, revision, position: this.nextPosition, created };
      this.nextPosition += RECORD_HEADER + BigInt(event.data.length + event.metadata.length + stream.length);
      records.push(record);
    }
    this.records.push(...records);
    const streamRecords = this.streams.get(stream) ?? [];
    streamRecords.push(...records);
    this.streams.set(stream, streamRecords);
    return { kind: 'written', revision, position: records[records.length - 1]!.position, records };
  }

  /** Records of `$all` forwards from a position (inclusive), or backwards before it (exclusive). */
  readAll(direction: 'forwards' | 'backwards', from: bigint | 'start' | 'end'): LogRecord[] {
    if (direction === 'forwards') {
      if (from === 'end') return [];
      return from === 'start' ? [...this.records] : this.records.filter((r) => r.position >= from);
    }
    const before = from === 'end' || from === 'start' ? undefined : from;
    const upTo = from === 'start' ? [] : this.records.filter((r) => before === undefined || r.position < before);
    return upTo.reverse();
  }

  /**
   * A retry is recognised when the first event's id is in the stream at the
   * place the expected revision names (anywhere for `any`), and every event of
   * the append follows it there with the same id: the revision of the last one.
   */
  private repeatedAt(stream: string, expected: Expected, events: readonly ProposedEvent[]): bigint | undefined {
    const existing = this.streams.get(stream);
    if (!existing || events.length === 0) return undefined;
    const first = existing.findIndex((record) => record.id === events[0]!.id);
    if (first < 0) return undefined;
    const place =
      expected.kind === 'revision' ? Number(expected.revision) + 1 : expected.kind === 'no-stream' ? 0 : first;
    if (first !== place) return undefined;
    for (let i = 0; i < events.length; i++) {
      if (existing[place + i]?.id !== events[i]!.id) return undefined;
    }
    return existing[place + events.length - 1]!.revision;
  }
}

function matches(expected: Expected, current: bigint | null): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no-stream':
      return current === null;
    case 'stream-exists':
      return current !== null;
    case 'revision':
      return current === expected.revision;
  }
}
