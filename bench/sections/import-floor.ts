import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventsSchema } from '../../src/event-store/sqlite/sqlite-schema.js';
import { scratchDir } from '../support/bench-paths.js';
import { answerParent } from '../support/child-process.js';
import { round } from '../support/stats.js';
import { attendanceWorkload, insertRaw } from './append-workload.js';

/**
 * The import's floor (issue 15): as many attendance events as the import
 * writes, inserted raw, a hundred a transaction, each commit fsynced, into a
 * new events database. A module of its own: import.ts loads the service's
 * command path (about a second in each of a quick run's three rounds), which
 * a raw insert does not need.
 *
 * Usage (child process): import-floor.js <events>
 */
answerParent(([events]) => Promise.resolve(insertAttendances(Number(events))));

function insertAttendances(events: number): { events_per_s: number; events: number } {
  const db = new Database(join(scratchDir('import-floor'), 'events.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  createEventsSchema(db);
  const seconds = insertRaw(db, attendanceWorkload(events, 1000, 'floor'), 100);
  db.close();
  return { events_per_s: round(events / seconds), events };
}
