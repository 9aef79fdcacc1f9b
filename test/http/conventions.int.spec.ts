import { participantBody, projectBody, seedApprovedProject } from '../support/api-fixtures.js';
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
    const response = await app.send('POST', '/api/participants', '{"id": "p-1", ', {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'body', message: 'malformed JSON' }]);
  });

  it('refuses a body that is not an object', async () => {
    const response = await app.send('POST', '/api/participants', '[1,2]', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const reason = 'x'.repeat(1024 * 1024);
    const response = await app.post('/api/sessions/dm-01/cancellation', { reason });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: 413, title: expect.any(String) });
  });

  it('answers an unknown route with 404 problem details', async () => {
    const response = await app.get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a path id that is not an id, and an unknown query parameter', async () => {
    expect((await app.post('/api/projects/..%2F..%2Fetc/decision', { decision: 'approved' })).status).toBe(400);
    const unknown = await app.get('/api/figures/2022?minPositon=3');
    expect(unknown.status).toBe(400);
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
      const sameStream = await app.post('/api/sessions/dm-01/cancellation', { reason: 'storm' }, key);
      const otherStream = await app.post('/api/participants', participantBody('p-new'), key);
      expect([sameStream.status, otherStream.status]).toEqual([422, 422]);
      expect((await app.post('/api/participants', participantBody('p-new'))).status).toBe(201);
    });

    it('refuses a key that is not visible ASCII', async () => {
      const response = await app.post('/api/participants', participantBody('p-x'), { 'idempotency-key': 'a b' });
      expect(response.status).toBe(400);
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
