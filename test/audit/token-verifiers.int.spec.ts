import { startTestApp, type TestApp } from '../support/test-app.js';

describe("the audit API and tokens' verifiers", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows that a token was issued, to whom and with which scope, never the hash of its secret', async () => {
    const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' });
    const auditor = await app.post('/api/tokens', { role: 'auditor', label: 'Auditor' });
    const asAuditor = { authorization: `Bearer ${String(auditor.body.token)}` };

    const stream = await app.get(`/api/streams/token-${String(issued.body.id)}`, asAuditor);
    const page = await app.get('/api/events?limit=1000', asAuditor);
    const tokenEvents = [
      ...(stream.body.events as Array<Record<string, unknown>>),
      ...(page.body.events as Array<Record<string, unknown>>).filter((event) => event.type === 'TokenIssued'),
    ];

    expect(tokenEvents.length).toBeGreaterThanOrEqual(3);
    for (const event of tokenEvents) {
      expect(event).toMatchObject({ type: 'TokenIssued', withheld: ['secretHash'] });
      expect(event.data).not.toHaveProperty('secretHash');
    }
    expect(stream.body.events).toEqual([
      expect.objectContaining({
        data: { tokenId: issued.body.id, role: 'partner', mdes: ['forest'], label: 'MDE Forest' },
      }),
    ]);
    expect(JSON.stringify(page.body)).not.toMatch(/[0-9a-f]{64}/);
  });
});
