import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../../../src/event-store/event-store.port.js';
import { EventStoreDbEventStore } from '../../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { EventStoreDbDouble } from '../../support/eventstoredb-double/eventstoredb-double.js';
import { anEventOfItsOwnCommand as anEvent } from '../../support/new-event.js';

/** The client's own list of the gRPC calls it has open, which dispose() waits for. */
const openCalls = (client: EventStoreDBClient): number =>
  (client as unknown as { disposableStreams: Set<unknown> }).disposableStreams.size;

/** Settles within `ms`, or says it did not. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> =>
  Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);

describe('EventStoreDB adapter reads, over gRPC against the protocol double', () => {
  const double = new EventStoreDbDouble();
  let client: EventStoreDBClient;
  let store: EventStoreDbEventStore;

  beforeAll(async () => {
    await double.start();
  });
  afterAll(() => double.stop());
  beforeEach(() => {
    client = EventStoreDBClient.connectionString(double.connectionString);
    store = new EventStoreDbEventStore(client, { pingDeadlineMs: 300, readTimeoutMs: 500 });
  });
  afterEach(async () => {
    await within(store.close(), 2000);
  });

  it('ends every read it starts: after 200 pings and 100 head positions the client holds no open call, and closes at once', async () => {
    await store.appendToStream('session-1', [anEvent()], { expectedRevision: 'no-stream' });
    for (let i = 0; i < 200; i++) await store.ping();
    for (let i = 0; i < 100; i++) await store.headPosition();
    await store.readStream('session-1', { maxCount: 1 });

    expect(openCalls(client)).toBe(0);
    expect(double.openReads).toBe(0);
    expect(await within(store.close(), 1000)).toBeUndefined();
  });

  it('gives up a read of $all that the server never answers, after its own timeout, and cancels it', async () => {
    double.inject('read-all', { kind: 'never-answer' });
    const started = Date.now();

    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);

    expect(Date.now() - started).toBeLessThan(2000);
    expect(openCalls(client)).toBe(0);
  });

  it('answers /health’s ping within its deadline when the server never answers', async () => {
    double.inject('read-all', { kind: 'never-answer' });
    const started = Date.now();

    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);

    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('gives up the head position and a stream read that the server never answers', async () => {
    double.inject('read-all', { kind: 'never-answer' });
    double.inject('read-stream', { kind: 'never-answer' });

    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readStream('session-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(openCalls(client)).toBe(0);
  });
});
