import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import type { MdeRegistered } from './mde.events.js';

/** The registry of MDEs with their French and Dutch names, the latest names winning. */
@Injectable()
export class MdeRegistryProjection implements Projection {
  readonly name = 'mde-registry';
  readonly version = 1;
  readonly tables = ['mdes'];
  private upsert: Database.Statement | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS mdes (
      mde_id TEXT PRIMARY KEY, name_fr TEXT NOT NULL, name_nl TEXT NOT NULL,
      registered_at TEXT NOT NULL, registered_by TEXT NOT NULL) WITHOUT ROWID`);
    this.upsert = db.prepare(`INSERT INTO mdes (mde_id, name_fr, name_nl, registered_at, registered_by)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (mde_id) DO UPDATE SET name_fr = excluded.name_fr, name_nl = excluded.name_nl`);
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the table.
  }

  apply(events: readonly StoredEvent[]): void {
    const upsert = this.upsert!;
    for (const stored of events) {
      if (stored.type !== 'MdeRegistered') continue;
      const { mdeId, name } = (stored as unknown as MdeRegistered).data;
      upsert.run(mdeId, name.fr, name.nl, stored.metadata.recordedAt, stored.metadata.actor);
    }
  }
}
