import Database from 'better-sqlite3';
import { RowsInsert } from '../../src/projections/rows-insert.js';

describe('inserting many rows a statement', () => {
  const insertInto = (db: Database.Database) =>
    new RowsInsert(db, 2, (values) => `INSERT OR IGNORE INTO pairs (n, label) VALUES ${values}`);

  // Below one statement's rows, exactly one, one and a remainder, several and a remainder.
  it.each([0, 1, 24, 25, 26, 77])('writes each of %i rows once, with its values in place', (count) => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE pairs (n INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    const values = Array.from({ length: count }, (_, n) => [n, `row ${n}`]).flat();

    insertInto(db).run(values);

    const rows = db.prepare('SELECT n, label FROM pairs ORDER BY n').raw().all();
    expect(rows).toEqual(Array.from({ length: count }, (_, n) => [n, `row ${n}`]));
  });

  it('resolves a conflict row by row, as one statement a row would', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE pairs (n INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    db.prepare("INSERT INTO pairs VALUES (3, 'kept')").run();
    const values = Array.from({ length: 30 }, (_, n) => [n, `new ${n}`]).flat();

    insertInto(db).run(values);

    expect(db.prepare('SELECT label FROM pairs WHERE n = 3').pluck().get()).toBe('kept');
    expect(db.prepare('SELECT count(*) FROM pairs').pluck().get()).toBe(30);
  });
});
