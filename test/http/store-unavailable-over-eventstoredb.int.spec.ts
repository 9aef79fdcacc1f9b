import { participantBody } from '../support/api-fixtures.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A busy or not-ready EventStoreDB node, with the whole application over gRPC
 * against the protocol double: the command is answered 503 with Retry-After (it
 * was a 500), nothing is written, and the same request goes through afterwards.
 */
describe('a command while EventStoreDB is busy or not ready (protocol double)', () => {
  const double = new EventStoreDbDouble();
  let app: TestApp;

  beforeAll(async () => {
    await double.start();
    app = await startTestApp({
      env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString },
      registerMdes: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await double.stop();
  });

  it.each(['busy', 'not-ready'] as const)('answers 503 with Retry-After when the node is %s', async (kind) => {
    const id = `p-${kind}`;
    double.inject('append', { kind });

    const refused = await app.post('/api/participants', participantBody(id), { 'idempotency-key': `k-${kind}` });

    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/store-unavailable$/) });
    expect(double.log.stream(`participant-${id}`)).toBeUndefined();
    const retried = await app.post('/api/participants', participantBody(id), { 'idempotency-key': `k-${kind}` });
    expect(retried.status).toBe(201);
  });
});
