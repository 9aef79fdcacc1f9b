import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { streamOfEvent, type ProgrammeEvent } from '../../src/figures/programme-event.js';

/** Appends events as the command handlers would, one append each, in order. */
export async function appendAll(
  store: EventStore,
  events: readonly ProgrammeEvent[],
  recordedAt = '2023-01-15T10:00:00.000Z',
): Promise<void> {
  for (const event of events) {
    const commandId = randomUUID();
    await store.appendToStream(
      streamOfEvent(event),
      [
        {
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
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}
