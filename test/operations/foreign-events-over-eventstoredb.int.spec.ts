import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { participantBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A server shared with another application: its events are in `$all` too. The
 * projections go on past them, and /health and /metrics count them.
 */
describe('events this service did not write, on EventStoreDB (protocol double)', () => {
  const double = new EventStoreDbDouble();
  let app: TestApp;

  beforeAll(async () => {
    await double.start();
    double.appendForeign('orders-1', 'OrderPlaced', { total: 12 });
    app = await startTestApp({
      env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString },
      registerMdes: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await double.stop();
  });

  it('skips them in the projections, and shows how many in /health and /metrics', async () => {
    const created = await app.post('/api/participants', participantBody('p-after-foreign'));
    expect(created.status).toBe(201);
    const position = String(created.body.position);

    const figures = await app.get(`/api/figures/2023?minPosition=${position}`);
    const health = await app.get('/health');
    const metrics = await app.send('GET', '/metrics', '', {});

    expect(figures.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', eventStore: { status: 'up', skippedEvents: 1 } });
    expect(String(metrics.body.text)).toMatch(/^event_store_skipped_events_total 1$/m);
  });
});
