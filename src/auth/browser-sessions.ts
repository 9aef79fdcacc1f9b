import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from '../shared/browser-session.js';
import { Clock } from '../shared/clock.js';
import { hashSecret } from './token-secrets.js';

/** A browser session as the store keeps it: the token it was opened with, never the session id itself. */
export interface BrowserSession {
  readonly tokenId: string;
  /** The hash of the token's secret when the session was opened: a token issued again under the same id opens none. */
  readonly credentialHash: string;
  readonly expiresAt: Date;
}

/** Use is written back at most this often, so that a page's burst of requests writes once. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The browser sessions, in their own SQLite file in DATA_DIR (`sessions.db`).
 * Kept across restarts, so that updating or restarting the service does not
 * sign everyone out in the middle of entering a session's attendances; apart
 * from the read models, because a rebuild replaces those, and from the event
 * log, because a sign-in is no fact of the programme. Only the SHA-256 of a
 * session id is stored: a copy of the file opens no session.
 */
@Injectable()
export class BrowserSessions implements OnModuleDestroy {
  private opened: { readonly db: Database.Database; readonly statements: ReturnType<typeof prepare> } | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Opened on first use: the command line, which signs no one in, never creates the file. */
  private get statements(): ReturnType<typeof prepare> {
    if (!this.opened) {
      mkdirSync(this.config.dataDir, { recursive: true });
      const db = new Database(join(this.config.dataDir, 'sessions.db'));
      this.opened = { db, statements: prepare(db) };
    }
    return this.opened.statements;
  }

  /** Opens a session for a token that was just checked; answers the id for the cookie (shown once). */
  open(tokenId: string, credentialHash: string): { readonly id: string; readonly expiresAt: Date } {
    const now = this.clock.now().getTime();
    this.statements.purge.run(now - SESSION_IDLE_MS, now - SESSION_LIFETIME_MS);
    const id = randomBytes(32).toString('base64url');
    this.statements.open.run(hashSecret(id), tokenId, credentialHash, now, now);
    return { id, expiresAt: new Date(now + SESSION_IDLE_MS) };
  }

  /** The live session of a cookie, its use recorded; null when unknown, ended or expired. */
  use(id: string): BrowserSession | null {
    const idHash = hashSecret(id);
    const row = this.statements.find.get(idHash) as SessionRow | undefined;
    if (!row) return null;
    const now = this.clock.now().getTime();
    const expiresAt = expiryOf(row.opened_at, row.used_at);
    if (now >= expiresAt) {
      this.statements.end.run(idHash);
      return null;
    }
    const touched = now - row.used_at >= TOUCH_EVERY_MS;
    if (touched) this.statements.touch.run(now, idHash);
    return {
      tokenId: row.token_id,
      credentialHash: row.credential_hash,
      expiresAt: new Date(touched ? expiryOf(row.opened_at, now) : expiresAt),
    };
  }

  end(id: string): void {
    this.statements.end.run(hashSecret(id));
  }

  /** Ends every session of a token (it was revoked, or is no longer what it was). */
  endAllOf(tokenId: string): void {
    this.statements.endOfToken.run(tokenId);
  }

  onModuleDestroy(): void {
    if (this.opened?.db.open) this.opened.db.close();
    this.opened = undefined;
  }
}

interface SessionRow {
  id_hash: string;
  token_id: string;
  credential_hash: string;
  opened_at: number;
  used_at: number;
}

const expiryOf = (openedAt: number, usedAt: number): number =>
  Math.min(usedAt + SESSION_IDLE_MS, openedAt + SESSION_LIFETIME_MS);

function prepare(db: Database.Database) {
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS browser_sessions (
    id_hash TEXT PRIMARY KEY, token_id TEXT NOT NULL, credential_hash TEXT NOT NULL,
    opened_at INTEGER NOT NULL, used_at INTEGER NOT NULL) WITHOUT ROWID`);
  db.exec('CREATE INDEX IF NOT EXISTS browser_sessions_by_token ON browser_sessions (token_id)');
  return {
    open: db.prepare(`INSERT INTO browser_sessions (id_hash, token_id, credential_hash, opened_at, used_at)
      VALUES (?, ?, ?, ?, ?)`),
    find: db.prepare('SELECT * FROM browser_sessions WHERE id_hash = ?'),
    touch: db.prepare('UPDATE browser_sessions SET used_at = ? WHERE id_hash = ?'),
    end: db.prepare('DELETE FROM browser_sessions WHERE id_hash = ?'),
    endOfToken: db.prepare('DELETE FROM browser_sessions WHERE token_id = ?'),
    purge: db.prepare('DELETE FROM browser_sessions WHERE used_at < ? OR opened_at < ?'),
  };
}
