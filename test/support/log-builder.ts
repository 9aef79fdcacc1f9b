import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';

/** The stream a programme event belongs to, as the command handlers write it. */
export function streamOf(event: ProgrammeEvent): string {
  const data = event.data as { projectId?: string; sessionId?: string; participantId?: string };
  switch (event.type) {
    case 'ProjectSubmitted':
    case 'ProjectApproved':
    case 'ProjectRejected':
    case 'OutreachRecorded':
    case 'ProjectNarrativeWritten':
      return `project-${data.projectId}`;
    case 'SessionHeld':
    case 'SessionCancelled':
    case 'ParticipantAttended':
    case 'AttendanceRetracted':
      return `session-${data.sessionId}`;
    default:
      return `participant-${data.participantId}`;
  }
}

/** Appends events as the command handlers would, one append each, in order. */
export async function appendAll(
  store: EventStore,
  events: readonly ProgrammeEvent[],
  recordedAt = '2023-01-15T10:00:00.000Z',
): Promise<void> {
  for (const event of events) {
    const commandId = randomUUID();
    await store.appendToStream(
      streamOf(event),
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
