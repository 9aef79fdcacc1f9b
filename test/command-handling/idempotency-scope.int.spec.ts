import { seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** api.md, "Security": an Idempotency-Key is scoped to the token that sent it. */
describe('Idempotency-Keys belong to the token that sent them', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp({ today: '2023-01-05' });
    await seedApprovedProject(app);
  });
  afterEach(async () => {
    await app.close();
  });

  async function partner(label: string): Promise<Record<string, string>> {
    const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label });
    return { authorization: `Bearer ${String(issued.body.token)}`, 'idempotency-key': 'session-of-monday' };
  }

  it("lets another token use the same key for its own request, and tells neither about the other's", async () => {
    const [first, second] = [await partner('Forest A'), await partner('Forest B')];

    const byFirst = await app.post('/api/sessions', sessionBody('dm-40'), first);
    const bySecond = await app.post('/api/sessions', sessionBody('dm-41'), second);
    expect([byFirst.status, bySecond.status]).toEqual([201, 201]);

    const repeats = [
      await app.post('/api/sessions', sessionBody('dm-40'), first),
      await app.post('/api/sessions', sessionBody('dm-41'), second),
    ];
    expect(repeats.map((repeat) => [repeat.status, repeat.body.position])).toEqual([
      [200, byFirst.body.position],
      [200, bySecond.body.position],
    ]);

    const reused = await app.post('/api/sessions', sessionBody('dm-42'), first);
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toContain('session-of-monday');
    const after = await app.get(`/api/events?after=${String(bySecond.body.position)}`);
    expect(after.body.events).toEqual([]);
  });
});
