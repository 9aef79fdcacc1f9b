import type Database from 'better-sqlite3';
import type { Projection } from './projection.js';

/** Every row of a projection's tables, in a stable order: two read models compare equal when their dumps do. */
export type ReadModelDump = Record<string, unknown[][]>;

export function dumpReadModel(db: Database.Database, projection: Projection): ReadModelDump {
  const dump: ReadModelDump = {};
  for (const table of projection.tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map(
      (c) => c.name,
    );
    if (columns.length === 0) {
      // Not created yet (a data directory the service never started on): an empty read model.
      dump[table] = [];
      continue;
    }
    const order = columns.map((_, i) => String(i + 1)).join(', ');
    dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().all() as unknown[][];
  }
  return dump;
}
