import { participantBody, seedApprovedProject } from '../support/api-fixtures.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The Idempotency-Key guarantees on EventStoreDB, with the whole application
 * over gRPC against the protocol double. The server compares event ids within a
 * stream only, and its `$by_correlation_id` projection writes `$bc-` links a
 * while after each append (here 3 s, and not at all when projections are off):
 * a reused key must be refused all the same, also when two requests race.
 */
describe.each([
  ['the $by_correlation_id projection lags 3 s', { correlationLagMs: 3000 }],
  ['no server projection runs', {}],
])('Idempotency-Key on EventStoreDB when %s', (_case, options) => {
  const double = new EventStoreDbDouble(options);
  let app: TestApp;

  beforeAll(async () => {
    await double.start();
    app = await startTestApp({
      env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString },
    });
    await seedApprovedProject(app);
  });
  afterAll(async () => {
    await app.close();
    await double.stop();
  });

  it('refuses a key reused at once for another request on another stream, writing nothing', async () => {
    const key = { 'idempotency-key': 'reused-at-once' };
    const first = await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }, key);
    const reused = await app.post('/api/participants', participantBody('p-reused'), key);

    expect([first.status, reused.status]).toEqual([201, 422]);
    expect(double.log.stream('participant-p-reused')).toBeUndefined();
  });

  it('lets exactly one of two racing requests with the same key on different streams write', async () => {
    const key = { 'idempotency-key': 'raced' };
    const answers = await Promise.all([
      app.post('/api/participants', participantBody('p-race-1'), key),
      app.post('/api/participants', participantBody('p-race-2'), key),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const written = ['participant-p-race-1', 'participant-p-race-2'].filter((s) => double.log.stream(s));
    expect(written).toHaveLength(1);
  });

  it('answers a retry with the first answer and its events, writing nothing more', async () => {
    const key = { 'idempotency-key': 'retried' };
    const first = await app.post('/api/participants', participantBody('p-retried'), key);
    const retry = await app.post('/api/participants', participantBody('p-retried'), key);

    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    expect(double.log.stream('participant-p-retried')).toHaveLength(1);
  });
});
