import { join } from 'node:path';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { READ_MODELS } from '../../src/app/read-models.module.js';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import type { Projection } from '../../src/projections/projection.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { dumpReadModel, type ReadModelDump } from '../../src/projections/read-model-dump.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { verifyReadModels } from '../../src/projections/read-model-verification.js';
import * as e from '../support/programme-events.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { appendAll } from '../support/log-builder.js';
import { tempDir } from '../support/temp-dir.js';

/** A programme with every kind of event, corrections and a late entry among them. */
const history: ProgrammeEvent[][] = [
  [
    e.submitted('dm', { mdes: ['forest', 'jette'], carrier: { name: 'Commune', type: 'commune' } }),
    e.submitted('duo'),
    e.submitted('no', { mdes: ['uccle'] }),
    e.approved('dm'),
    e.approved('duo'),
    e.rejected('no'),
    e.registered('p1'),
    e.registered('p2', 'citizen', false),
  ],
  [
    e.held('s1', 'dm', '2022-07-18', 'outreach-stand'),
    e.held('s2', 'dm', '2022-07-19', 'outreach-stand'),
    e.attended('s1', 'p1'),
    e.attended('s2', 'p1'),
    e.attended('s2', 'p2'),
    e.outreach('duo', 'o1', 'people', 180),
  ],
  [
    e.cancelled('s2'),
    e.retracted('s1', 'p1'),
    e.attended('s1', 'p2'),
    e.stage('p1', 'st1', 'duo', 'horeca', 'c1'),
    e.outcome('p2', 'out1', 'duo', 'hired'),
    e.held('s0', 'dm', '2022-12-20'), // late entry for December
  ],
];

const projections = (): Projection[] => READ_MODELS.map((Model) => new Model());

/** An empty log of its own, and how to dispose of it. */
type OpenLog = (dir: string) => Promise<{ store: EventStore; dispose: () => Promise<void> }>;

const embedded: OpenLog = (dir) => {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  return Promise.resolve({ store, dispose: () => store.close() });
};

/** EventStoreDB over gRPC, against a fresh protocol double (which holds the server's own events too). */
const eventStoreDb: OpenLog = async () => {
  const double = new EventStoreDbDouble();
  const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(await double.start()));
  return {
    store,
    dispose: async () => {
      await store.close();
      await double.stop();
    },
  };
};

describe.each([
  ['the embedded store', embedded],
  ['EventStoreDB over gRPC (protocol double)', eventStoreDb],
])('projections fed from %s', (_store, openLog) => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let dispose: () => Promise<void>;

  /** Each test starts from an empty log of its own. */
  beforeEach(async () => {
    dir = tempDir();
    ({ store, dispose } = await openLog(dir.path));
  });
  afterEach(async () => {
    try {
      await dispose();
    } finally {
      dir.remove();
    }
  });

  /** The whole history in the log, and its read models projected into a new read store. */
  async function givenTheHistoryProjected(file: string): Promise<{ readStore: ReadStore; runner: ProjectionRunner }> {
    await appendAll(store, history.flat());
    const readStore = new ReadStore(join(dir.path, file));
    return { readStore, runner: await project(readStore) };
  }

  async function project(readStore: ReadStore): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner(store, readStore, projections(), new EventSchemas());
    runner.start({ follow: false });
    await runner.catchUp();
    return runner;
  }

  function dump(readStore: ReadStore, runner: ProjectionRunner): ReadModelDump {
    return Object.assign(
      {},
      ...runner.projectionsForAudit().map((p) => dumpReadModel(readStore.db, p)),
    ) as ReadModelDump;
  }

  it('gives the same read model when fed in steps across restarts as when rebuilt from position 0', async () => {
    const incremental = new ReadStore(join(dir.path, 'incremental.db'));
    let runner: ProjectionRunner | undefined;
    for (const step of history) {
      await appendAll(store, step);
      // A new runner and new projections each step: a restart, resuming from the checkpoints.
      runner = await project(incremental);
    }
    const rebuilt = new ReadStore(join(dir.path, 'rebuilt.db'));
    const fromZero = await project(rebuilt);

    expect(dump(incremental, runner!)).toEqual(dump(rebuilt, fromZero));
    expect(runner!.position).toBe(await store.headPosition());
    const figures = dump(rebuilt, fromZero).figures!;
    expect(figures).toContainEqual(['project:dm', 2022, 'participants', 1]);
    expect(figures).toContainEqual(['project:dm', 2022, 'sessions', 2]);
    incremental.close();
    rebuilt.close();
  });

  it('changes nothing when the same events are delivered twice', async () => {
    const { readStore, runner } = await givenTheHistoryProjected('twice.db');
    const before = dump(readStore, runner);
    expect(before.figures).toContainEqual(['project:dm', 2022, 'sessions', 2]);

    runner.deliver(await store.readAll({ maxCount: 1000 }));

    expect(dump(readStore, runner)).toEqual(before);
    readStore.close();
  });

  it('verifies the live read models against a rebuild, naming every row that differs', async () => {
    const { readStore } = await givenTheHistoryProjected('verified.db');
    const verify = () =>
      verifyReadModels({ live: readStore, store, schemas: new EventSchemas(), projections, scratchDir: dir.path });

    expect((await verify()).differences).toEqual([]);
    readStore.db.prepare("UPDATE figures SET value = 7 WHERE scope = 'project:dm' AND key = 'sessions'").run();
    const report = await verify();

    expect(report.differences).toEqual([
      {
        projection: 'yearly-figures',
        table: 'figures',
        onlyLive: [['project:dm', 2022, 'sessions', 7]],
        onlyRebuilt: [['project:dm', 2022, 'sessions', 2]],
      },
    ]);
    readStore.close();
  });

  it('rebuilds a projection from position 0 when its version changes', async () => {
    const { readStore } = await givenTheHistoryProjected('versioned.db');
    readStore.db.prepare("UPDATE projection_checkpoints SET version = 0 WHERE name = 'yearly-figures'").run();
    readStore.db.prepare("UPDATE figures SET value = 999 WHERE key = 'sessions'").run();

    const runner = await project(readStore);

    expect(dump(readStore, runner).figures).toContainEqual(['project:dm', 2022, 'sessions', 2]);
    readStore.close();
  });

  it('rebuilds every read model when the log changes store (after a migration), and only then', async () => {
    await appendAll(store, history.flat());
    const path = join(dir.path, 'migrated.db');
    const onEmbedded = new ReadStore(path);
    expect(onEmbedded.followLog('sqlite')).toBe(false);
    await project(onEmbedded);
    onEmbedded.db.prepare("UPDATE figures SET value = 999 WHERE key = 'sessions'").run();
    onEmbedded.close();

    const again = new ReadStore(path);
    expect(again.followLog('sqlite')).toBe(false);
    again.close();
    const onEventStoreDb = new ReadStore(path);
    const reset = onEventStoreDb.followLog('eventstoredb');
    const runner = await project(onEventStoreDb);

    expect(reset).toBe(true);
    expect(dump(onEventStoreDb, runner).figures).toContainEqual(['project:dm', 2022, 'sessions', 2]);
    onEventStoreDb.close();
  });

  it('keeps read models built before the log was recorded with them, which were on the embedded store', async () => {
    const { readStore, runner } = await givenTheHistoryProjected('older.db');
    expect(runner.position).toBe(await store.headPosition());
    readStore.db.exec('DELETE FROM read_store_meta');

    expect(readStore.followLog('sqlite')).toBe(false);
    expect(readStore.checkpoint('yearly-figures')?.position).toBe(runner.position);
    readStore.close();
  });
});
