import { jsonEvent, type AllStreamRecordedEvent, type EventData, type RecordedEvent } from '@eventstore/db-client';
import type { EventData as StoredData, EventMetadata, NewEvent, StoredEvent } from '../event-store.port.js';
import { COMMAND_STREAM_PREFIX } from './eventstoredb-command-index.js';
import { toLogPosition } from './eventstoredb-positions.js';

/**
 * EventStoreDB's own metadata keys for correlation and causation. They are
 * derived on write and dropped on read, so metadata reads back as written.
 * `$correlationId` carries the command's id, for an operator who runs the
 * server's `$by_correlation_id` projection; the service does not need it (see
 * CommandIndex). The service's own correlation id stays in `correlationId`.
 */
const CORRELATION = '$correlationId';
const CAUSATION = '$causationId';

export function encodeEvent(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: encodeMetadata(event.metadata) });
}

export function encodeMetadata(metadata: EventMetadata): Record<string, unknown> {
  return { ...metadata, [CORRELATION]: metadata.commandId, [CAUSATION]: metadata.causationId };
}

export function decodeMetadata(raw: unknown, where: string): EventMetadata {
  const object = asObject(raw, `the metadata of ${where}`);
  const { [CORRELATION]: _correlation, [CAUSATION]: _causation, ...metadata } = object;
  for (const field of ['recordedAt', 'actor', 'commandId', 'correlationId', 'causationId'] as const) {
    if (typeof metadata[field] !== 'string') {
      throw new Error(`The metadata of ${where} has no ${field}: the event was not written by this service`);
    }
  }
  if (typeof metadata.schemaVersion !== 'number') {
    throw new Error(`The metadata of ${where} has no schemaVersion: the event was not written by this service`);
  }
  return metadata as unknown as EventMetadata;
}

/** A stored event of the port; the position comes from the read (an $all read carries it on each event). */
export function decodeEvent(recorded: RecordedEvent | AllStreamRecordedEvent): StoredEvent {
  const where = `event ${recorded.id} (${recorded.streamId}@${recorded.revision})`;
  return {
    id: recorded.id,
    stream: recorded.streamId,
    revision: recorded.revision,
    position: toLogPosition(recorded.position, where),
    type: recorded.type,
    data: asObject(recorded.data, `the data of ${where}`),
    metadata: decodeMetadata(recorded.metadata, where),
  };
}

/**
 * The one rule, for `$all` reads and the subscription alike: events of the
 * server's own streams (`$…`: stream metadata, links, statistics, users,
 * projections) and of the command index are not part of the service's log.
 * By stream name, because a server's link or metadata event is always in a `$`
 * stream, while an event type says nothing about where an event belongs.
 */
export function isOutsideTheLog(recorded: { readonly streamId: string }): boolean {
  return recorded.streamId.startsWith('$') || recorded.streamId.startsWith(COMMAND_STREAM_PREFIX);
}

/** The same rule as a server-side filter on stream names (.NET regular expression). */
export const LOG_STREAMS = `^(?!\\$|${COMMAND_STREAM_PREFIX})`;

/** JSON objects, also when they were stored as bytes (the client parses only JSON-typed content). */
function asObject(value: unknown, what: string): StoredData {
  const parsed = value instanceof Uint8Array ? parseJson(value, what) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${capitalise(what)} is not a JSON object`);
  }
  return parsed as StoredData;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error(`${capitalise(what)} is not JSON`);
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
