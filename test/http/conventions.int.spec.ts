import { participantBody, projectBody, seedApprovedProject } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP conventions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await seedApprovedProject(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses malformed JSON with 400 problem details naming the body', async () => {
    const response = await expectRefusal(
      app,
      () => app.send('POST', '/api/participants', '{"id": "p-1", ', { 'content-type': 'application/json' }),
      400,
      /JSON/,
    );
    expect(response.body.errors).toEqual([{ field: 'body', message: 'malformed JSON' }]);
  });

  it('refuses a body that is not an object', async () => {
    const response = await expectRefusal(
      app,
      () => app.send('POST', '/api/participants', '[1,2]', { 'content-type': 'application/json' }),
      400,
      /^body: must be a JSON object/,
    );
    expect(response.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const reason = 'x'.repeat(1024 * 1024);
    await expectRefusal(
      app,
      () => app.post('/api/sessions/dm-01/cancellation', { reason }),
      413,
      /Request body is too large/,
    );
  });

  it('answers an unknown route with 404 problem details', async () => {
    await expectRefusal(app, () => app.post('/api/nowhere', {}), 404, /nowhere/);
  });

  it('refuses a path id that is not an id, and an unknown query parameter', async () => {
    await expectRefusal(
      app,
      () => app.post('/api/projects/..%2F..%2Fetc/decision', { decision: 'approved' }),
      400,
      /^id: /,
    );
    const unknown = await expectRefusal(app, () => app.get('/api/figures/2022?minPositon=3'), 400, /^minPositon: /);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'minPositon' })]);
  });

  describe('Idempotency-Key', () => {
    it('answers a retry 200 with the first answer, even when the content alone would conflict', async () => {
      const key = { 'idempotency-key': 'retry-1' };
      const first = await app.post('/api/participants', participantBody('p-key'), key);
      const retry = await app.post('/api/participants', participantBody('p-key'), key);
      expect([first.status, retry.status]).toEqual([201, 200]);
      expect(retry.body).toEqual(first.body);
    });

    it('refuses a key reused for a different request, on the same or another stream, writing nothing', async () => {
      const key = { 'idempotency-key': 'reused-1' };
      await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }, key);
      await app.post('/api/participants', participantBody('p-other'));
      const reused = /Idempotency-Key reused-1 was already used for a different request/;
      await expectRefusal(
        app,
        () => app.post('/api/sessions/dm-01/cancellation', { reason: 'storm' }, key),
        422,
        reused,
      );
      await expectRefusal(app, () => app.post('/api/participants', participantBody('p-new'), key), 422, reused);
      expect((await app.post('/api/participants', participantBody('p-new'))).status).toBe(201);
    });

    it('refuses a key that is not visible ASCII', async () => {
      const response = await expectRefusal(
        app,
        () => app.post('/api/participants', participantBody('p-x'), { 'idempotency-key': 'a b' }),
        400,
        /^Idempotency-Key: /,
      );
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });
  });

  it('records the command metadata with each event', async () => {
    const response = await app.post('/api/projects', projectBody('meta-1'), {
      'idempotency-key': 'k-meta',
      'x-correlation-id': 'corr-42',
    });
    expect(response.status).toBe(201);
    const { EVENT_STORE } = await import('../../src/event-store/event-store.port.js');
    const store = app.app.get<import('../../src/event-store/event-store.port.js').EventStore>(EVENT_STORE);
    const [event] = await store.readStream('project-meta-1');
    expect(event!.metadata).toEqual({
      recordedAt: '2023-01-15T10:00:00.000Z',
      actor: 'admin',
      commandId: 'admin/k-meta',
      correlationId: 'corr-42',
      causationId: 'admin/k-meta',
      schemaVersion: 2, // ProjectSubmitted is in its second version (see event-schemas.ts)
      requestHash: expect.any(String),
    });
  });

  it('serves the OpenAPI description, health and metrics without a token', async () => {
    const docs = await app.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/projects', '/api/sessions/{id}/attendances', '/api/figures/{year}/mdes/{mde}']),
    );
    expect((await app.get('/api/docs')).status).toBe(200);
    const health = await app.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', eventStore: { status: 'up' } });
    const metrics = await app.send('GET', '/metrics', '', {});
    expect(metrics.status).toBe(200);
    expect(String(metrics.body.text)).toMatch(/http_requests_total/);
    expect(String(metrics.body.text)).toMatch(/event_store_commit_appends_bucket/);
  });
});
