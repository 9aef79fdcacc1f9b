import type Database from 'better-sqlite3';

/** Rows a statement inserts at most: 25 of 7 columns stay far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 25;

/**
 * Inserts many rows of one table, `ROWS_PER_STATEMENT` a statement: one
 * statement a row costs SQLite and the driver about twice as much a row (the
 * journal and the ledger write one for most events of a rebuild). Rows arrive
 * as one flat list of values, `columns` a row; the caller collects them for a
 * batch and inserts them before its checkpoint is written, in the same
 * transaction.
 */
export class RowsInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  /** `sql` makes the statement from its VALUES list, e.g. `(?, ?), (?, ?)`. */
  constructor(
    db: Database.Database,
    private readonly columns: number,
    sql: (values: string) => string,
  ) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    this.many = db.prepare(sql(Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(', ')));
    this.one = db.prepare(sql(row));
  }

  run(values: readonly unknown[]): void {
    const chunk = this.columns * ROWS_PER_STATEMENT;
    let start = 0;
    for (; start + chunk <= values.length; start += chunk) this.many.run(values.slice(start, start + chunk));
    for (; start < values.length; start += this.columns) this.one.run(values.slice(start, start + this.columns));
  }
}
