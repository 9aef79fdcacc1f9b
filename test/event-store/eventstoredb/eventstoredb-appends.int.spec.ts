import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../../../src/event-store/event-store.port.js';
import { EventStoreDbEventStore } from '../../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { EventStoreDbDouble } from '../../support/eventstoredb-double/eventstoredb-double.js';
import { anEventOfItsOwnCommand as anEvent } from '../../support/new-event.js';

/**
 * Appends over gRPC against the protocol double, which announces BatchAppend
 * as a v24 server does. The client's batch append (6.2.1) shares one map of
 * pending appends between all calls: one failed batch rejected the others, and
 * a status without details threw inside grpc-js, out of reach of any caller.
 */
describe('EventStoreDB adapter appends, over gRPC against the protocol double', () => {
  const double = new EventStoreDbDouble({ batchAppend: true });
  let store: EventStoreDbEventStore;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };

  beforeAll(async () => {
    await double.start();
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await double.stop();
  });
  beforeEach(() => {
    store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(double.connectionString), {
      appendTimeoutMs: 500,
    });
  });
  afterEach(() => store.close());

  it('answers a busy or not-ready server with the unavailable error (503), failing that append only', async () => {
    for (const kind of ['busy', 'not-ready'] as const) {
      double.inject('append', { kind });
      double.inject('batch-append', { kind });
      const stream = `session-${kind}`;

      const [refused, ...others] = await Promise.allSettled([
        store.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' }),
        store.appendToStream(`${stream}-a`, [anEvent()], { expectedRevision: 'no-stream' }),
        store.appendToStream(`${stream}-b`, [anEvent()], { expectedRevision: 'no-stream' }),
      ]);

      expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(EventStoreUnavailableError) });
      expect(others.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
      await expect(store.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' })).resolves.toMatchObject(
        { nextExpectedRevision: 0n },
      );
    }
    expect(uncaught).toEqual([]);
  });

  it('gives up an append the server never answers after its own timeout, and the next append goes through', async () => {
    double.inject('append', { kind: 'never-answer' });
    double.inject('batch-append', { kind: 'never-answer' });
    const started = Date.now();

    await expect(
      store.appendToStream('session-late', [anEvent()], { expectedRevision: 'no-stream' }),
    ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);

    await expect(
      store.appendToStream('session-late', [anEvent()], { expectedRevision: 'no-stream' }),
    ).resolves.toMatchObject({ nextExpectedRevision: 0n });
    expect(uncaught).toEqual([]);
  });
});

describe('EventStoreDB adapter when the node is a follower, or drops a subscription (protocol double)', () => {
  const double = new EventStoreDbDouble();
  let store: EventStoreDbEventStore;

  beforeAll(async () => {
    await double.start();
  });
  afterAll(() => double.stop());
  beforeEach(() => {
    store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(double.connectionString), {
      resubscribeDelayMs: { initial: 10, max: 50 },
    });
  });
  afterEach(() => store.close());

  it('answers not-leader with the unavailable error (503), and the next append reaches the leader it named', async () => {
    double.inject('append', { kind: 'not-leader' });

    await expect(
      store.appendToStream('session-follower', [anEvent()], { expectedRevision: 'no-stream' }),
    ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(
      store.appendToStream('session-follower', [anEvent()], { expectedRevision: 'no-stream' }),
    ).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });

  it('subscribes again after the last event it handed out when the server drops the subscription mid-way', async () => {
    const events = Array.from({ length: 6 }, anEvent);
    await store.appendToStream('session-dropped', events, { expectedRevision: 'no-stream' });
    double.inject('subscribe', { kind: 'drop-after', events: 3 });

    const subscription = store.subscribeToAll({ maxBatchSize: 1 });
    const seen: string[] = [];
    for await (const batch of subscription) {
      seen.push(...batch.filter((e) => e.stream === 'session-dropped').map((e) => e.id));
      if (seen.length >= 6) break;
    }
    await subscription.close();

    expect(seen).toEqual(events.map((e) => e.id));
    expect(double.reads.subscriptions).toBeGreaterThanOrEqual(2);
  });
});
