import { join } from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODELS } from '../../src/app/read-models.module.js';
import { AuditLedgerProjection } from '../../src/audit/audit-ledger.projection.js';
import { GENESIS, nextLink } from '../../src/audit/ledger-chain.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { toStoredEvent, type EventRow } from '../../src/event-store/sqlite/sqlite-statements.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { RowsInsert } from '../../src/projections/rows-insert.js';
import { SessionRegisterProjection } from '../../src/sessions/read-model/session-register.projection.js';
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
 * JSON-parsing their data and metadata, nothing else. `bound`: the least any
 * rebuild of these read models does (`writeTheLeast`). Each in its own process,
 * for its own peak RSS.
 *
 * Usage (child process): rebuild.js ours|floor|bound <events.db> <read store folder>
 */
answerParent(async ([mode, logPath, readStoreDir]): Promise<RebuildResult> => {
  const started = performance.now();
  let events: number;
  if (mode === 'floor') {
    events = readAndParse(logPath!);
  } else if (mode === 'bound') {
    events = writeTheLeast(logPath!, join(readStoreDir!, 'read-models.db'));
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

/** Every row of the log, in log order, raw: the floor and the bound read it alike. */
function logRows(log: Database.Database): Iterable<EventRow> {
  return log
    .prepare('SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position')
    .raw()
    .safeIntegers(true)
    .iterate() as Iterable<EventRow>;
}

function readAndParse(path: string): number {
  const db = new Database(path, { readonly: true });
  let count = 0;
  for (const row of logRows(db)) {
    JSON.parse(row[5]);
    JSON.parse(row[6]);
    count++;
  }
  db.close();
  return count;
}

/** Events of one transaction, as in the runner's catch-up. */
const EVENTS_A_TRANSACTION = 1000;

/**
 * What no rebuild of the service's read models can skip, done as cheaply as
 * SQLite allows: the floor's reading and parsing; the audit ledger's chain,
 * a SHA-256 an event computed as the ledger computes it; and the rows the API
 * reads back, a ledger link per event and a register row per attendance, into
 * the projections' own tables, many rows a statement (`RowsInsert`), a
 * transaction per 1,000 events. The figures, the attendees' counts and the
 * other read models are left out: a rebuild on one thread can only be slower.
 */
function writeTheLeast(logPath: string, readModelsPath: string): number {
  const log = new Database(logPath, { readonly: true });
  const readStore = new ReadStore(readModelsPath);
  const { db } = readStore;
  new AuditLedgerProjection().setUp(db);
  new SessionRegisterProjection().setUp(db);
  const links = new RowsInsert(db, 2, (values) => `INSERT INTO ledger (position, hash) VALUES ${values}`);
  const attendances = new RowsInsert(
    db,
    3,
    (values) =>
      `INSERT OR IGNORE INTO register_attendances (session_id, participant_id, recorded_position) VALUES ${values}`,
  );
  const commit = db.transaction((ledger: unknown[], attended: unknown[]) => {
    links.run(ledger);
    attendances.run(attended);
  });
  let previous = GENESIS;
  let ledger: unknown[] = [];
  let attended: unknown[] = [];
  let count = 0;
  for (const row of logRows(log)) {
    const event = toStoredEvent(row);
    previous = nextLink(previous, event);
    ledger.push(event.position, previous);
    if (event.type === 'ParticipantAttended') {
      const { sessionId, participantId } = event.data as { sessionId: string; participantId: string };
      attended.push(sessionId, participantId, event.position.toString().padStart(20, '0'));
    }
    if (++count % EVENTS_A_TRANSACTION === 0) {
      commit(ledger, attended);
      [ledger, attended] = [[], []];
    }
  }
  commit(ledger, attended);
  readStore.close();
  log.close();
  return count;
}
