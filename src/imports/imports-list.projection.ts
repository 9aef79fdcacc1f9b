import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import type { ImportRecorded } from './import.events.js';

/** The imports recorded, in log order, with what a partner's scope is checked against. */
@Injectable()
export class ImportsListProjection implements Projection {
  readonly name = 'imports-list';
  readonly version = 1;
  readonly tables = ['imports'];
  private insert: Database.Statement | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS imports (
      position INTEGER PRIMARY KEY, import_id TEXT NOT NULL, kind TEXT NOT NULL, file_name TEXT,
      sha256 TEXT NOT NULL, rows INTEGER NOT NULL, new INTEGER NOT NULL, repeat INTEGER NOT NULL,
      refused INTEGER NOT NULL, mdes TEXT NOT NULL, actor TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    this.insert = db.prepare(`INSERT OR REPLACE INTO imports
      (position, import_id, kind, file_name, sha256, rows, new, repeat, refused, mdes, actor, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the table.
  }

  apply(events: readonly StoredEvent[]): void {
    const insert = this.insert!;
    for (const stored of events) {
      if (stored.type !== 'ImportRecorded') continue;
      const { importId, kind, fileName, sha256, counts, mdes } = (stored as unknown as ImportRecorded).data;
      insert.run(
        stored.position,
        importId,
        kind,
        fileName,
        sha256,
        counts.rows,
        counts.new,
        counts.repeat,
        counts.refused,
        JSON.stringify(mdes),
        stored.metadata.actor,
        stored.metadata.recordedAt,
      );
    }
  }
}
