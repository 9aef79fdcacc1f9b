import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-store.port.js';

/** An event to append when its content does not matter to the test: a fresh id unless one is given. */
export function aNewEvent(id: string = randomUUID()): NewEvent {
  return {
    id,
    type: 'ThingHappened',
    data: {},
    metadata: {
      recordedAt: '2022-07-18T10:00:00.000Z',
      actor: 't',
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      schemaVersion: 1,
    },
  };
}

/**
 * An event of a command of its own (its command id is its event id). The
 * EventStoreDB adapter indexes commands by id: events of one command id in two
 * streams are one command reused, which it refuses.
 */
export function anEventOfItsOwnCommand(): NewEvent {
  const event = aNewEvent();
  return { ...event, metadata: { ...event.metadata, commandId: event.id } };
}
