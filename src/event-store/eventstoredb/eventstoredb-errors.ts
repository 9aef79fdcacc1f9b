import { ErrorType, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError, type ExpectedRevision } from '../event-store.port.js';
import { fromClientRevision } from './eventstoredb-positions.js';

/** gRPC status codes that mean "the server cannot be reached or did not answer in time". */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/**
 * Client error types that mean the server is away, busy or changing leader: the
 * request may succeed later, so the caller gets a 503 and may retry, and a
 * subscription follows again from where it stood.
 */
const UNAVAILABLE_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  // The server cancels long-running calls (subscriptions) when it shuts down or loses leadership.
  ErrorType.CANCELLED,
]);

export interface FailedCall {
  /** What the store was asked to do, for the message: "append", "read a stream", … */
  readonly action: string;
  /** The append's stream and expected revision, to tell a conflict. */
  readonly stream?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/** The port's error for a client error. */
export function toStoreError(error: unknown, call: FailedCall): Error {
  if (isWrongExpectedVersion(error) && call.stream !== undefined && call.expectedRevision !== undefined) {
    return new WrongExpectedRevisionError(call.stream, call.expectedRevision, fromClientRevision(error.actualVersion));
  }
  if (isUnavailable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`EventStoreDB cannot ${call.action}: ${message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The client's errors are recognised by their type tag too, in case two copies of the client are loaded. */
function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError || typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  const type = typeOf(error);
  if (type !== undefined && UNAVAILABLE_TYPES.has(type)) return true;
  // The batch append stream fails with the raw gRPC error, which has a code but no type.
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  // Cluster discovery gives up with a plain Error once no gossip seed answers.
  return error instanceof Error && error.message.startsWith('Failed to discover after');
}

function typeOf(error: unknown): string | undefined {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}
