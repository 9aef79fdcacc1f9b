import { timeOrderedUuid } from '../../src/command-handling/time-ordered-uuid.js';
import type Database from 'better-sqlite3';
import type { EventStore, NewEvent } from '../../src/event-store/event-store.port.js';

/** One append of one event, with the revision its stream expects. */
export interface WorkloadAppend {
  readonly stream: string;
  readonly expected: bigint | 'no-stream';
  readonly revision: bigint;
  readonly event: NewEvent;
}

/**
 * `events` attendances recorded one command at a time across `streams` session
 * streams, as the command loop writes them; `prefix` keeps the streams of two
 * rounds on one database apart.
 */
export function attendanceWorkload(events: number, streams: number, prefix: string): WorkloadAppend[] {
  const appends: WorkloadAppend[] = [];
  for (let i = 0; i < events; i++) {
    const session = `${prefix}-${i % streams}`;
    const revision = BigInt(Math.floor(i / streams));
    // As the command loop makes them for commands sent without an Idempotency-Key (time-ordered).
    const commandId = timeOrderedUuid();
    appends.push({
      stream: `session-${session}`,
      expected: revision === 0n ? 'no-stream' : revision - 1n,
      revision,
      event: {
        // As the command loop makes them for commands sent without an Idempotency-Key.
        id: timeOrderedUuid(),
        type: 'ParticipantAttended',
        data: { sessionId: session, participantId: `p-${prefix}-${i}` },
        metadata: {
          recordedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
          actor: 'admin',
          commandId,
          correlationId: commandId,
          causationId: commandId,
          schemaVersion: 1,
          requestHash: 'Nn8RQoZ5KSLqj0Ls6hV2Y0mhbiYYEdTUxqTw5RD5r4Q',
        },
      },
    });
  }
  return appends;
}

/** Through the port: `batch` appends requested together, so the store commits them in one transaction. */
export async function appendThroughPort(
  store: EventStore,
  appends: readonly WorkloadAppend[],
  batch: number,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < appends.length; i += batch) {
    await Promise.all(
      appends
        .slice(i, i + batch)
        .map(({ stream, event, expected }) => store.appendToStream(stream, [event], { expectedRevision: expected })),
    );
  }
  return (performance.now() - started) / 1000;
}

/** The floor: the same rows, inserted with one prepared statement, `batch` rows a transaction. */
export function insertRaw(db: Database.Database, appends: readonly WorkloadAppend[], batch: number): number {
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const commit = db.transaction((rows: readonly WorkloadAppend[]) => {
    for (const { stream, revision, event } of rows) {
      insert.run(event.id, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
    }
  });
  const started = performance.now();
  for (let i = 0; i < appends.length; i += batch) commit(appends.slice(i, i + batch));
  return (performance.now() - started) / 1000;
}
