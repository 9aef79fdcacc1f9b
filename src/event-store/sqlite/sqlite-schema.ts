import type Database from 'better-sqlite3';

/** Layout version of the events database, kept in `PRAGMA user_version`. */
export const EVENTS_SCHEMA_VERSION = 1;

/**
 * One row an event. `position` is the rowid: assigned in commit order, never
 * reused because events are never deleted. (stream, revision) is unique, and so is
 * the event id, so a retried append cannot write a fact twice. The command id in
 * the metadata is indexed, to find what an Idempotency-Key already wrote.
 */
export function createEventsSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > EVENTS_SCHEMA_VERSION) {
    throw new Error(
      `The events database has layout version ${version}, newer than this program knows (${EVENTS_SCHEMA_VERSION})`,
    );
  }
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      id       TEXT    NOT NULL,
      stream   TEXT    NOT NULL,
      revision INTEGER NOT NULL,
      type     TEXT    NOT NULL,
      data     TEXT    NOT NULL,
      metadata TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
    CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events (id);
    CREATE INDEX IF NOT EXISTS events_command_id ON events (json_extract(metadata, '$.commandId'));
  `);
  db.pragma(`user_version = ${EVENTS_SCHEMA_VERSION}`);
}
