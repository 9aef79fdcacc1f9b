import { jest } from '@jest/globals';
import { join } from 'node:path';
import { READ_MODELS } from '../../src/app/read-models.module.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ReadConsistency } from '../../src/projections/consistency.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadStore } from '../../src/projections/read-store.js';
import * as e from '../support/programme-events.js';
import { appendAll } from '../support/log-builder.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The runner following a busy log: the events committed while it waits
 * between two batches come in one batch, and no query misses a write that was
 * answered before it was sent. The window is made long here (a minute) so that
 * what it gathers does not depend on the disk's speed.
 */
describe('the projections’ window between two batches', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readStore: ReadStore;
  let runner: ProjectionRunner;
  const batches: number[] = [];

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ path: join(dir.path, 'events.db') });
    readStore = new ReadStore(join(dir.path, 'read-models.db'));
    readStore.followLog('sqlite');
    runner = new ProjectionRunner(
      store,
      readStore,
      READ_MODELS.map((Model) => new Model()),
      new EventSchemas(),
    );
    runner.windowMs = 60_000;
    batches.length = 0;
    runner.observe((_position, events) => batches.push(events));
    runner.start();
  });

  afterEach(async () => {
    try {
      await runner.stop();
      readStore.close();
      await store.close();
    } finally {
      dir.remove();
    }
  });

  /** Resolves once the runner has applied `count` batches. */
  async function batchesApplied(count: number): Promise<void> {
    while (batches.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  it('applies the first batch after a quiet spell at once, then gathers what comes during the window', async () => {
    await appendAll(store, [e.registered('p1')]);
    await batchesApplied(1);
    expect(runner.gathering).toBe(true);

    // Four commits, one after the other, while the window is open: none applied yet.
    await appendAll(store, [e.registered('p2'), e.registered('p3'), e.registered('p4'), e.registered('p5')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toEqual([1]);
    expect(runner.position).toBe(1n);

    // A query for the head ends the window: the four come in one batch.
    await runner.waitForHead(5000);
    expect(batches).toEqual([1, 4]);
    expect(runner.position).toBe(5n);
  });

  it('makes a query without minPosition wait for the batch that holds the writes answered before it', async () => {
    const consistency = new ReadConsistency(runner, store);
    await appendAll(store, [e.registered('p1')]);
    await batchesApplied(1);
    await appendAll(store, [e.registered('p2')]);
    expect(runner.position).toBe(1n);

    await consistency.reach(undefined);

    expect(runner.position).toBe(2n);
    expect(readStore.db.prepare('SELECT count(*) AS n FROM participant_roster').get()).toEqual({ n: 2 });
  });

  it('does not look up the head of the log for a query when nothing is being gathered', async () => {
    runner.windowMs = 0;
    const consistency = new ReadConsistency(runner, store);
    await appendAll(store, [e.registered('p1')]);
    await batchesApplied(1);
    expect(runner.gathering).toBe(false);
    const headLookups = jest.spyOn(store, 'headPosition');

    await consistency.reach(undefined);

    expect(headLookups).not.toHaveBeenCalled();
    expect(batches).toEqual([1]);
  });

  it('ends the window when the runner stops, so that stopping does not wait for it', async () => {
    await appendAll(store, [e.registered('p1')]);
    await batchesApplied(1);
    const started = performance.now();

    await runner.stop();

    expect(performance.now() - started).toBeLessThan(1000);
  });
});
