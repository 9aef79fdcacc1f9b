import type { AppendExpectedRevision, CurrentRevision, Position } from '@eventstore/db-client';
import type { ExpectedRevision, LogPosition, StreamRevision } from '../event-store.port.js';

/** The largest unsigned 64-bit value: what the server sends (as -1) for a position it does not know. */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/**
 * The log position of an event: its commit position, a 64-bit number that grows
 * past 2^53 on a large log, so it stays a bigint. Every event appended through
 * gRPC is its own commit (commit and prepare positions are equal), so the commit
 * position names one event; only the legacy TCP transactions shared one.
 */
export function toLogPosition(position: Position | undefined, what: string): LogPosition {
  if (!isKnownPosition(position)) {
    throw new Error(
      `EventStoreDB did not give the log position of ${what}; this service needs EventStoreDB 22.10 or later, ` +
        'which gives positions on stream reads and appends',
    );
  }
  return position.commit;
}

/** Whether the server gave a position: it sends none, or -1 (read as 2^64-1), when it has none to give. */
export function isKnownPosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.commit < UNKNOWN_POSITION;
}

/**
 * The client position of a checkpoint. Commit and prepare positions of an event
 * are equal (see toLogPosition), so a commit position alone locates it.
 */
export function toClientPosition(position: LogPosition): Position {
  if (position < 0n || position >= UNKNOWN_POSITION) throw new RangeError(`${position} is not a log position`);
  return { commit: position, prepare: position };
}

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return 'no_stream';
    case 'stream-exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      return expected;
  }
}

/** The stream's last revision as the server reports it in a conflict: null when the stream does not exist. */
export function fromClientRevision(actual: CurrentRevision): StreamRevision | null {
  // The server reports a missing stream as "no_stream" over gRPC details and as -1 in older error metadata.
  if (typeof actual !== 'bigint' || actual < 0n) return null;
  return actual;
}
