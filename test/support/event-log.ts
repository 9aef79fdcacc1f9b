import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventMetadata } from '../../src/event-store/event-store.port.js';

/** One row of the events database, as a reader of the file sees it. */
export interface LoggedEvent {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

/**
 * The whole log, read straight from DATA_DIR/events.db through a read-only
 * connection: what is on disk, whatever the service believes.
 */
export function readEventLog(dataDir: string): LoggedEvent[] {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position')
      .all() as Array<Omit<LoggedEvent, 'data' | 'metadata'> & { data: string; metadata: string }>;
    return rows.map((row) => ({
      ...row,
      data: JSON.parse(row.data) as Record<string, unknown>,
      metadata: JSON.parse(row.metadata) as EventMetadata,
    }));
  } finally {
    db.close();
  }
}

/** The position of the last event in DATA_DIR/events.db, as a reader of the file sees it (null when empty). */
export function readLogHead(dataDir: string): number | null {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT max(position) AS head FROM events').get() as { head: number | null };
    return row.head;
  } finally {
    db.close();
  }
}

/** The projections' checkpoints in DATA_DIR/read-models.db, by projection name. */
export function readCheckpoints(dataDir: string): Map<string, number | null> {
  const db = new Database(join(dataDir, 'read-models.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT name, position FROM projection_checkpoints').all() as Array<{
      name: string;
      position: string | null;
    }>;
    return new Map(rows.map((row) => [row.name, row.position === null ? null : Number(row.position)]));
  } finally {
    db.close();
  }
}

/** Streams whose revisions are not 0, 1, 2, … in log order, with the revisions they have. */
export function streamsWithGaps(events: readonly LoggedEvent[]): Array<{ stream: string; revisions: number[] }> {
  const revisions = new Map<string, number[]>();
  for (const event of events) {
    const list = revisions.get(event.stream) ?? [];
    list.push(event.revision);
    revisions.set(event.stream, list);
  }
  return [...revisions]
    .filter(([, list]) => list.some((revision, index) => revision !== index))
    .map(([stream, list]) => ({ stream, revisions: list }));
}

/** The Idempotency-Key a client sent, from the command id stored scoped to its sender (`<token id>/<key>`). */
export const clientKeyOf = (commandId: string): string => commandId.slice(commandId.indexOf('/') + 1);
