import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Projection } from './projection.js';

/** How a cached statement answers: rows as objects or arrays, integers as numbers or bigints. */
export interface StatementMode {
  readonly raw?: boolean;
  readonly safeIntegers?: boolean;
}

export interface Checkpoint {
  readonly version: number;
  /** Position of the last event applied; null before the first. */
  readonly position: bigint | null;
}

/** The read models' file cannot be opened; it holds nothing the log does not. */
export class ReadStoreUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    const reason =
      cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : String(cause);
    super(
      `Cannot open the read models ${path} (${reason}): they are rebuilt from the log, ` +
        'so moving the file away and starting again loses nothing',
      { cause },
    );
    this.name = 'ReadStoreUnavailableError';
  }
}

/**
 * The SQLite database holding the read models and their checkpoints: a local,
 * rebuildable cache of the log. It is a separate file from the events database,
 * so projection writes never contend with appends, and losing it loses nothing.
 */
export class ReadStore {
  private database!: Database.Database;
  private readCheckpoint!: Database.Statement;
  private writeCheckpoint!: Database.Statement;
  /** The log the read models follow, once told (see followLog). */
  private log: string | undefined;
  /** Prepared statements of the open database, by mode and SQL. */
  private readonly statements = new Map<string, Database.Statement>();
  private replaced = 0;

  /**
   * `readOnly`: a reader's connection (a read worker's), on read models the
   * service writes: it creates nothing and never writes; WAL lets it read
   * while the projections commit.
   */
  constructor(
    readonly path: string,
    private readonly readOnly = false,
  ) {
    if (path !== ':memory:' && !readOnly) mkdirSync(dirname(path), { recursive: true });
    this.open();
  }

  /** How many times a rebuild replaced the file: a reader of another connection reopens when it moved. */
  get generation(): number {
    return this.replaced;
  }

  /** The current database; a rebuild replaces it, so do not keep it across calls. */
  get db(): Database.Database {
    return this.database;
  }

  /**
   * Puts a read store built aside in place of this one: the service keeps
   * running, and what reads through `db` sees the new read models next.
   */
  replaceWith(rebuiltPath: string): void {
    this.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${this.path}${suffix}`, { force: true });
    renameSync(rebuiltPath, this.path);
    this.replaced++;
    this.open();
    if (this.log !== undefined) this.followLog(this.log);
  }

  /**
   * A statement of the readers, prepared once for the open database: after a
   * rebuild swaps it, the next call prepares it again on the new one.
   */
  statement(sql: string, mode: StatementMode = {}): Database.Statement {
    const key = `${mode.raw ? 'r' : '-'}${mode.safeIntegers ? 'b' : '-'}${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.database.prepare(sql);
      if (mode.raw) statement.raw(true);
      if (mode.safeIntegers) statement.safeIntegers(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Opens the file again (a reader, after a rebuild replaced it). */
  reopen(): void {
    this.close();
    this.open();
  }

  private open(): void {
    this.statements.clear();
    if (this.readOnly) {
      try {
        this.database = new Database(this.path, { readonly: true, fileMustExist: true });
        this.db.pragma('busy_timeout = 5000');
        return;
      } catch (error) {
        throw new ReadStoreUnavailableError(this.path, error);
      }
    }
    this.database = new Database(this.path);
    try {
      this.db.pragma('journal_mode = WAL');
      // The read models can be rebuilt from the log: a crash may lose the last
      // commits, never their consistency with the checkpoint written with them.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        position TEXT
      ) WITHOUT ROWID`);
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS read_store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID',
      );
    } catch (error) {
      this.db.close();
      throw new ReadStoreUnavailableError(this.path, error);
    }
    this.readCheckpoint = this.db.prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?');
    this.writeCheckpoint = this.db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    );
  }

  checkpoint(name: string): Checkpoint | null {
    const row = this.readCheckpoint.get(name) as { version: number; position: string | null } | undefined;
    return row ? { version: row.version, position: row.position === null ? null : BigInt(row.position) } : null;
  }

  saveCheckpoint(name: string, checkpoint: Checkpoint): void {
    this.writeCheckpoint.run(name, checkpoint.version, checkpoint.position?.toString() ?? null);
  }

  /**
   * Binds the read models to the log they were built from (`sqlite`,
   * `eventstoredb`). Checkpoints are positions in one log: after a migration to
   * another store they mean nothing there, so when the log changes every
   * checkpoint is forgotten and each projection is rebuilt from position 0.
   * Returns whether the read models were reset.
   */
  followLog(log: string): boolean {
    this.log = log;
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT value FROM read_store_meta WHERE key = 'log'").get() as
        { value: string } | undefined;
      const hasCheckpoints = this.db.prepare('SELECT 1 FROM projection_checkpoints LIMIT 1').get() !== undefined;
      // Read models older than this mark were built on the embedded store, the only one there was.
      const builtFrom = row?.value ?? (hasCheckpoints ? 'sqlite' : log);
      const reset = builtFrom !== log;
      if (reset) this.db.exec('DELETE FROM projection_checkpoints');
      this.db
        .prepare(
          "INSERT INTO read_store_meta (key, value) VALUES ('log', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .run(log);
      return reset;
    })();
  }

  /**
   * Prepares a projection: creates its tables, and empties them when the stored
   * version differs from the code's, so that it is rebuilt from position 0.
   */
  prepare(projection: Projection): Checkpoint {
    const stored = this.checkpoint(projection.name);
    if (stored && stored.version === projection.version) {
      projection.setUp(this.db);
      return stored;
    }
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      projection.setUp(this.db);
      this.saveCheckpoint(projection.name, { version: projection.version, position: null });
    })();
    return { version: projection.version, position: null };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
