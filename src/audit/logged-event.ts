import type { EventMetadata, StoredEvent } from '../event-store/event-store.port.js';

/** An event of the log as the audit answers and the `events` command print it: exactly as stored. */
export interface LoggedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export function loggedEvent(event: StoredEvent): LoggedEvent {
  return {
    position: event.position.toString(),
    stream: event.stream,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}
