import { participantBody, projectBody, recordAll, seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * api.md, "Security": a refusal for scope names no other MDE and no owner, and
 * a partner cannot tell another MDE's project or session from one that does
 * not exist.
 */
describe('refusals tell a partner nothing of other MDEs', () => {
  let app: TestApp;
  let partner: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ today: '2023-01-05' });
    await seedApprovedProject(app); // DigiMobile: five MDEs, uccle not among them
    const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['uccle'], label: 'MDE Uccle' });
    partner = { authorization: `Bearer ${String(issued.body.token)}` };
    await recordAll(app.post, [['/api/participants', participantBody('p-9')]]);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A partner's request, refused for its scope with nothing written: the detail of the refusal. */
  const refusal = async (method: 'get' | 'post', url: string, body?: unknown): Promise<string> => {
    const send = () => (method === 'get' ? app.get(url, partner) : app.post(url, body, partner));
    return String((await expectRefusal(app, send, 403, /outside this token's scope/)).body.detail);
  };

  it.each([
    ['get', '/api/projects/{project}'],
    ['get', '/api/figures/2022/projects/{project}'],
    ['get', '/api/figures/2022/projects/{project}/provenance?figure=sessions'],
    ['post', '/api/projects/{project}/outreach'],
    ['post', '/api/sessions/{session}/attendances'],
    ['post', '/api/sessions/{session}/cancellation'],
  ] as const)('%s %s: the same refusal for another MDE’s and for a made-up one', async (method, path) => {
    const body = path.includes('outreach')
      ? { id: 'o-1', date: '2022-09-01', audience: 'people', count: 3 }
      : path.includes('attendances')
        ? { participantId: 'p-9' }
        : { reason: 'storm' };
    const url = (project: string, session: string) => path.replace('{project}', project).replace('{session}', session);
    const existing = await refusal(method, url('digimobile-2022', 'dm-01'), body);
    const madeUp = await refusal(method, url('made-up-2022', 'made-up-01'), body);

    expect(madeUp.replace('made-up-2022', 'X').replace('made-up-01', 'X')).toBe(
      existing.replace('digimobile-2022', 'X').replace('dm-01', 'X'),
    );
    for (const mde of projectBody().mdes) expect(existing).not.toContain(mde);
  });

  it('still answers 404 to a coordinator for what does not exist', async () => {
    await expectRefusal(app, () => app.get('/api/projects/made-up-2022'), 404, /made-up-2022/);
    await expectRefusal(
      app,
      () => app.post('/api/sessions/made-up-01/cancellation', { reason: 'storm' }),
      404,
      /made-up-01/,
    );
  });

  it('names no MDE when a partner records a session on another MDE’s project', async () => {
    const detail = await refusal('post', '/api/sessions', sessionBody('dm-77'));
    for (const mde of projectBody().mdes) expect(detail).not.toContain(mde);
  });
});
