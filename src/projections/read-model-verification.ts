import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '../event-store/event-store.port.js';
import type { EventSchemas } from '../event-store/event-schemas.js';
import type { Projection } from './projection.js';
import { buildReadModelsAside, removeDatabaseFiles } from './read-model-rebuild.js';
import type { ReadStore } from './read-store.js';

export interface ReadModelDifference {
  readonly projection: string;
  readonly table: string;
  /** Rows the live read model has and a rebuild from the log does not. */
  readonly onlyLive: readonly unknown[][];
  /** Rows a rebuild from the log has and the live read model does not. */
  readonly onlyRebuilt: readonly unknown[][];
}

export interface VerificationReport {
  /** The position both read models reflect. */
  readonly position: bigint | null;
  readonly differences: readonly ReadModelDifference[];
}

/**
 * Rebuilds every projection from position 0 into a scratch read store, up to
 * the position the live read models reached, and compares them row by row.
 *
 * The live read models are first copied as they stand (`VACUUM INTO`, one read
 * transaction), so a service writing to them meanwhile does not skew the
 * comparison. SQLite compares the two files (`EXCEPT`, both ways): nothing is
 * held in memory but the rows that differ, whatever the size of the log (a
 * million events: about 2.5 million rows a side).
 */
export async function verifyReadModels(options: {
  readonly live: ReadStore;
  readonly store: EventStore;
  readonly schemas: EventSchemas;
  readonly projections: () => Projection[];
  readonly scratchDir: string;
}): Promise<VerificationReport> {
  const projections = options.projections();
  const livePath = join(options.scratchDir, 'read-models.live.db');
  const rebuiltPath = join(options.scratchDir, 'read-models.verify.db');
  removeDatabaseFiles(livePath);
  try {
    options.live.db.prepare('VACUUM INTO ?').run(livePath);
    const position = positionOf(livePath, projections);
    // Up to the live read models' position; at 0 (no event yet) the rebuild applies nothing.
    const { readStore: aside } = await buildReadModelsAside({
      path: rebuiltPath,
      store: options.store,
      projections,
      schemas: options.schemas,
      until: position ?? 0n,
    });
    aside.close();
    return { position, differences: compareFiles(livePath, rebuiltPath, projections) };
  } finally {
    for (const path of [livePath, rebuiltPath]) removeDatabaseFiles(path);
  }
}

function positionOf(livePath: string, projections: readonly Projection[]): bigint | null {
  const db = new Database(livePath, { readonly: true });
  try {
    const checkpoint = db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').pluck();
    const positions = projections.map((p) => (checkpoint.get(p.name) as string | null | undefined) ?? null);
    if (new Set(positions).size > 1) {
      throw new Error(
        `The live read models stand at different positions (${positions.join(', ')}); let them catch up first`,
      );
    }
    const position = positions[0] ?? null;
    return position === null ? null : BigInt(position);
  } finally {
    db.close();
  }
}

function compareFiles(livePath: string, rebuiltPath: string, projections: readonly Projection[]) {
  const db = new Database(livePath);
  try {
    db.prepare('ATTACH DATABASE ? AS rebuilt').run(rebuiltPath);
    return projections.flatMap((projection) =>
      projection.tables.flatMap((table): ReadModelDifference[] => {
        const onlyLive = rowsOnlyIn(db, 'main', 'rebuilt', table);
        const onlyRebuilt = rowsOnlyIn(db, 'rebuilt', 'main', table);
        return onlyLive.length > 0 || onlyRebuilt.length > 0
          ? [{ projection: projection.name, table, onlyLive, onlyRebuilt }]
          : [];
      }),
    );
  } finally {
    db.close();
  }
}

/** The rows of `schema.table` that `other.table` lacks, in the order of their columns; a missing table is empty. */
function rowsOnlyIn(db: Database.Database, schema: string, other: string, table: string): unknown[][] {
  const columns = columnsOf(db, schema, table);
  if (columns.length === 0) return [];
  const otherColumns = columnsOf(db, other, table);
  if (otherColumns.length > 0 && otherColumns.join() !== columns.join()) {
    throw new Error(
      `The table ${table} has the columns (${columns.join(', ')}) in ${schema} and (${otherColumns.join(', ')}) in ${other}`,
    );
  }
  const order = columns.map((_, i) => String(i + 1)).join(', ');
  const except = otherColumns.length > 0 ? ` EXCEPT SELECT * FROM ${other}.${table}` : '';
  return db.prepare(`SELECT * FROM ${schema}.${table}${except} ORDER BY ${order}`).raw().all() as unknown[][];
}

function columnsOf(db: Database.Database, schema: string, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?, ?)').pluck().all(table, schema) as string[];
}
