import { projectBody, seedApprovedProject } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('queries over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await seedApprovedProject(app);
    await app.post('/api/participants', { id: 'p-2', role: 'citizen', registeredJobSeeker: false });
    await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' });
    await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-2' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a project’s figures once the read models reach minPosition', async () => {
    const write = await app.post('/api/projects/digimobile-2022/outreach', {
      id: 'o-1',
      date: '2022-08-01',
      audience: 'people',
      count: 180,
    });
    const figures = await app.get(
      `/api/figures/2022/projects/digimobile-2022?minPosition=${String(write.body.position)}`,
    );

    expect(figures.status).toBe(200);
    expect(BigInt(figures.body.position as string) >= BigInt(write.body.position as string)).toBe(true);
    expect(figures.body).toMatchObject({
      year: 2022,
      projectId: 'digimobile-2022',
      sessions: 1,
      sessionsByKind: { 'outreach-stand': 1 },
      participants: 2,
      attendances: 2,
      attendancesPerParticipant: 1,
      participantsByRole: { 'job-seeker': 1, citizen: 1 },
      notRegisteredJobSeekers: 1,
      outreach: { people: 180 },
      targets: { participants: 200, sessions: 20 },
    });
  });

  it('answers the programme and an MDE’s figures', async () => {
    const write = await app.post(
      '/api/projects',
      projectBody('other-2022', { mdes: ['uccle'], kind: 'local', theme: undefined }),
    );
    const programme = await app.get(`/api/figures/2022?minPosition=${String(write.body.position)}`);
    const forest = await app.get(`/api/figures/2022/mdes/forest?minPosition=${String(write.body.position)}`);

    expect(programme.body).toMatchObject({
      year: 2022,
      projects: { submitted: { count: 2 }, approved: { count: 1, byCarrierType: { commune: 1 } }, rejected: 0 },
      activity: { sessions: 1, participants: 2 },
    });
    expect(forest.body).toMatchObject({
      mde: 'forest',
      projects: { submitted: { count: 1 } },
      activity: { participants: 2 },
    });
  });

  it('answers zeros for a year without activity, and 404 for an unknown project or MDE', async () => {
    const empty = await app.get('/api/figures/2019');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      projects: { submitted: { count: 0 } },
      activity: { sessions: 0, participants: 0 },
    });
    await expectRefusal(app, () => app.get('/api/figures/2022/projects/nope'), 404, /Project nope does not exist/);
    await expectRefusal(
      app,
      () => app.get('/api/figures/2022/mdes/atlantis'),
      404,
      /No project names the MDE atlantis/,
    );
    await expectRefusal(app, () => app.get('/api/projects/nope'), 404, /Project nope does not exist/);
  });

  it('answers 400 for an invalid year or position', async () => {
    await expectRefusal(app, () => app.get('/api/figures/22'), 400, /^year: /);
    await expectRefusal(app, () => app.get('/api/figures/2022?minPosition=-1'), 400, /^minPosition: /);
    await expectRefusal(app, () => app.get('/api/figures/2022/mdes/Not_A_Slug'), 400, /^mde: /);
  });

  it('answers 503 with Retry-After when the read models do not reach minPosition within 5 s', async () => {
    const response = await app.get('/api/figures/2022?minPosition=999999');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  }); // the service waits 5 s: the 30 s test timeout leaves a loaded machine ample margin
});
