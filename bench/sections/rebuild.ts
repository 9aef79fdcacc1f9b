import { join } from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODELS } from '../../src/app/read-models.module.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { answerParent } from '../support/child-process.js';
import { peakRssMb, round } from '../support/stats.js';

export interface RebuildResult {
  readonly events_per_s: number;
  readonly events: number;
  readonly seconds: number;
  readonly peak_rss_mb: number;
}

/**
 * `ours`: every projection of the service rebuilt from position 0 of the log
 * into an empty read store (the runner's catch-up, as `verify` and a new
 * projection version do). `floor`: reading the same rows in log order and
 * JSON-parsing their data and metadata, nothing else. Each in its own process,
 * for its own peak RSS.
 *
 * Usage (child process): rebuild.js ours|floor <events.db> <read store folder>
 */
answerParent(async ([mode, logPath, readStoreDir]): Promise<RebuildResult> => {
  const started = performance.now();
  let events: number;
  if (mode === 'floor') {
    events = readAndParse(logPath!);
  } else {
    const store = new SqliteEventStore({ path: logPath! });
    const readStore = new ReadStore(join(readStoreDir!, 'read-models.db'));
    readStore.followLog('sqlite');
    const runner = new ProjectionRunner(
      store,
      readStore,
      READ_MODELS.map((Model) => new Model()),
      new EventSchemas(),
    );
    runner.start({ follow: false });
    await runner.catchUp();
    events = Number(runner.position ?? 0n);
    readStore.close();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { events_per_s: round(events / seconds), events, seconds: round(seconds, 2), peak_rss_mb: peakRssMb() };
});

function readAndParse(path: string): number {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare('SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position')
    .raw()
    .safeIntegers(true);
  let count = 0;
  for (const row of rows.iterate() as Iterable<[bigint, string, string, bigint, string, string, string]>) {
    JSON.parse(row[5]);
    JSON.parse(row[6]);
    count++;
  }
  db.close();
  return count;
}
