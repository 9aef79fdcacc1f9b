import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store.port.js';

/** A row of `columns`, read raw: an array costs less to build than an object with named fields. */
export type EventRow = [
  position: bigint,
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
];

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
  const columns = 'position, id, stream, revision, type, data, metadata';
  return {
    // safeIntegers: lastInsertRowid is then a bigint, exact past 2^53 like every position read.
    insert: db
      .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
      .safeIntegers(true),
    streamHead: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?').safeIntegers(true),
    byId: db.prepare('SELECT stream, revision, position FROM events WHERE id = ?').safeIntegers(true),
    readStream: db
      .prepare(`SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .raw()
      .safeIntegers(true),
    readAll: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw()
      .safeIntegers(true),
    // The same expression as the index events_command_id, so that the index serves it.
    byCommandId: db
      .prepare(`SELECT ${columns} FROM events WHERE json_extract(metadata, '$.commandId') = ? ORDER BY position`)
      .raw()
      .safeIntegers(true),
    // The command ids as one JSON array: one statement, whatever their number.
    byCommandIds: db
      .prepare(
        `SELECT ${columns} FROM events WHERE json_extract(metadata, '$.commandId') IN (SELECT value FROM json_each(?)) ORDER BY position`,
      )
      .raw()
      .safeIntegers(true),
    head: db.prepare('SELECT max(position) AS position FROM events').safeIntegers(true),
    // Changes when another connection commits; never for this connection's own commits.
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    ping: db.prepare('SELECT 1'),
  };
}

export function toStoredEvent([position, id, stream, revision, type, data, metadata]: EventRow): StoredEvent {
  return {
    position,
    id,
    stream,
    revision,
    type,
    data: JSON.parse(data) as StoredEvent['data'],
    metadata: JSON.parse(metadata) as StoredEvent['metadata'],
    json: { data, metadata },
  };
}
