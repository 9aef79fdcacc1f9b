import Database from 'better-sqlite3';
import type { StreamReader, StoredEvent } from '../event-store.port.js';
import { openFailure } from './sqlite-errors.js';
import { toStoredEvent, type EventRow } from './sqlite-statements.js';

/**
 * A read-only connection to the embedded store's file, for a reader in another
 * thread (a read worker building a report): WAL lets it read while the
 * service appends; it writes nothing and creates nothing.
 */
export class SqliteStreamReader implements StreamReader {
  private readonly db: Database.Database;
  private readonly stream: Database.Statement;

  constructor(path: string) {
    try {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      this.stream = this.db
        .prepare(
          `SELECT position, id, stream, revision, type, data, metadata FROM events
           WHERE stream = ? AND revision >= ? ORDER BY revision`,
        )
        .raw()
        .safeIntegers(true);
    } catch (error) {
      throw openFailure(error, path);
    }
  }

  readStream(stream: string): Promise<StoredEvent[]> {
    return Promise.resolve((this.stream.all(stream, 0n) as EventRow[]).map(toStoredEvent));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
