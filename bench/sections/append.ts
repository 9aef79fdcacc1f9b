import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { createEventsSchema } from '../../src/event-store/sqlite/sqlite-schema.js';
import { answerParent } from '../support/child-process.js';
import { scratchDir } from '../support/bench-paths.js';
import { median, round } from '../support/stats.js';
import { appendThroughPort, attendanceWorkload, insertRaw } from './append-workload.js';

export interface AppendResult {
  readonly events_per_s: number;
  readonly batch: number;
  readonly events: number;
  readonly rounds: number;
}

/**
 * In-process appends through the store port, against raw better-sqlite3
 * inserts of the same rows into the same table (same indexes, WAL,
 * synchronous=FULL), in transactions of the same size; rounds alternate.
 *
 * Usage (child process): append.js <events> <batch> <rounds>
 */
answerParent(async ([events, batch, rounds]) => {
  const size = { events: Number(events), batch: Number(batch), rounds: Number(rounds) };
  const ours: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < size.rounds; round++) {
    const workload = attendanceWorkload(size.events, 1000, `append-${round}`);
    const rawDir = scratchDir('append-floor');
    const db = new Database(join(rawDir, 'events.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    createEventsSchema(db);
    floor.push(size.events / insertRaw(db, workload, size.batch));
    db.close();

    const store = new SqliteEventStore({ path: join(scratchDir('append-ours'), 'events.db') });
    ours.push(size.events / (await appendThroughPort(store, workload, size.batch)));
    await store.close();
  }
  const result = (rates: number[]): AppendResult => ({ events_per_s: round(median(rates)), ...size });
  return { append: result(ours), append_floor: result(floor) };
});
