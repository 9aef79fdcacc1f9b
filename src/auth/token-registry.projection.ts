import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store.port.js';
import type { Projection } from '../projections/projection.js';
import type { Role, TokenEvent } from './token.events.js';
import { TOKEN_EVENT_TYPES } from './token.events.js';

/** A token as GET /api/tokens lists it: never its secret nor its hash. */
export interface TokenListing {
  readonly id: string;
  readonly role: Role;
  readonly mdes: readonly string[];
  readonly label: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

const TOKEN_EVENTS = new Set<string>(TOKEN_EVENT_TYPES);

@Injectable()
export class TokenRegistryProjection implements Projection {
  readonly name = 'token-registry';
  readonly version = 1;
  readonly tables = ['tokens'];
  private statements: ReturnType<typeof prepare> | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS tokens (
      token_id TEXT PRIMARY KEY, role TEXT NOT NULL, mdes TEXT NOT NULL, label TEXT NOT NULL,
      created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT, revoked_by TEXT) WITHOUT ROWID`);
    this.statements = prepare(db);
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the table.
  }

  apply(events: readonly StoredEvent[]): void {
    for (const stored of events) {
      if (!TOKEN_EVENTS.has(stored.type)) continue;
      const event = stored as unknown as TokenEvent;
      const { recordedAt, actor } = stored.metadata;
      if (event.type === 'TokenIssued') {
        const { tokenId, role, mdes, label } = event.data;
        this.statements!.insert.run(tokenId, role, JSON.stringify(mdes), label, recordedAt, actor);
      } else {
        this.statements!.revoke.run(recordedAt, actor, event.data.tokenId);
      }
    }
  }

  list(): TokenListing[] {
    return (this.statements!.list.all() as TokenRow[]).map((row) => ({
      id: row.token_id,
      role: row.role as Role,
      mdes: JSON.parse(row.mdes) as string[],
      label: row.label,
      createdAt: row.created_at,
      createdBy: row.created_by,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
    }));
  }

  count(): number {
    return (this.statements!.count.get() as { n: number }).n;
  }
}

interface TokenRow {
  token_id: string;
  role: string;
  mdes: string;
  label: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(
      'INSERT OR IGNORE INTO tokens (token_id, role, mdes, label, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    revoke: db.prepare('UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE token_id = ? AND revoked_at IS NULL'),
    list: db.prepare('SELECT * FROM tokens ORDER BY created_at, token_id'),
    count: db.prepare('SELECT count(*) AS n FROM tokens'),
  };
}
