import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../src/event-store/event-store.port.js';
import { streamOfEvent, type ProgrammeEvent } from '../../src/figures/programme-event.js';

/** A programme event as a command handler would write it: a fresh id and command, recorded by `test`. */
export function newProgrammeEvent(event: ProgrammeEvent, recordedAt = '2023-01-15T10:00:00.000Z'): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: {
      recordedAt,
      actor: 'test',
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  };
}

/** Appends events as the command handlers would, one append each, in order. */
export async function appendAll(
  store: EventStore,
  events: readonly ProgrammeEvent[],
  recordedAt = '2023-01-15T10:00:00.000Z',
): Promise<void> {
  for (const event of events) {
    await store.appendToStream(streamOfEvent(event), [newProgrammeEvent(event, recordedAt)], {
      expectedRevision: 'any',
    });
  }
}
