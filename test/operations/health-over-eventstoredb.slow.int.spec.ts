import type { EventStoreDBClient } from '@eventstore/db-client';
import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The gRPC calls the client holds open (it waits for each of them when it is closed). */
function openClientCalls(app: TestApp): number {
  const store = app.app.get<{ client: EventStoreDBClient }>(EVENT_STORE);
  return (store.client as unknown as { disposableStreams: Set<unknown> }).disposableStreams.size;
}

/**
 * /health on EventStoreDB, the whole application over gRPC against the
 * protocol double: each ping used to leave a read open in the client, which
 * then waited for all of them, forever, when the service stopped.
 */
describe('/health on EventStoreDB (protocol double)', () => {
  const double = new EventStoreDbDouble();
  let app: TestApp;

  beforeAll(async () => {
    await double.start();
    app = await startTestApp({
      env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString },
    });
  });
  afterAll(async () => {
    await double.stop();
  });

  it('leaves no read open after 1,000 calls, and the application closes at once', async () => {
    // The projections' subscription is the one call that stays open.
    const before = openClientCalls(app);
    for (let i = 0; i < 1000; i++) {
      const health = await app.get('/health');
      expect(health.status).toBe(200);
    }

    expect(openClientCalls(app)).toBe(before);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5000);
  }, 300_000);
});
