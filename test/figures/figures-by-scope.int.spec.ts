import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Figures over HTTP that a reader of the report sees by scope and by year.
 * Each MDE here has one project, so that its participant figures are the same
 * whether distinct counts are taken per project or per MDE.
 */
describe('figures by scope and year', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp({ today: '2023-06-30' });
  });
  afterEach(async () => {
    await app.close();
  });

  /** Reads once the read models have every write made so far. */
  const read = async (path: string) => {
    const head = String(await app.head());
    const answer = await app.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('breaks the approved projects down by audience, kind and theme, apart from those only submitted or rejected', async () => {
    const project = (id: string, overrides: Record<string, unknown>) =>
      ['/api/projects', projectBody(id, { mdes: ['forest'], ...overrides })] as const;
    const decide = (id: string, decision: string) => [`/api/projects/${id}/decision`, { decision }] as const;
    await recordAll(app.post, [
      project('digital-2022', { kind: 'thematic', theme: 'fracture-numerique', audience: 'all-job-seekers' }),
      project('local-2022', { kind: 'local', theme: undefined, audience: 'specific' }),
      project('mobility-2022', { kind: 'thematic', theme: 'mobilite', audience: 'specific' }),
      project('pending-2022', { kind: 'thematic', theme: 'mobilite', audience: 'all-job-seekers' }),
      decide('digital-2022', 'approved'),
      decide('local-2022', 'approved'),
      decide('mobility-2022', 'rejected'),
    ]);

    const { projects } = (await read('/api/figures/2022')) as {
      projects: { approved: Record<string, unknown>; submitted: Record<string, unknown> };
    };

    expect(projects.approved).toMatchObject({
      count: 2,
      byAudience: { 'all-job-seekers': 1, specific: 1 },
      byKind: { thematic: 1, local: 1 },
      byTheme: { 'fracture-numerique': 1 },
    });
    expect(projects.submitted).toMatchObject({ count: 4, byTheme: { 'fracture-numerique': 1, mobilite: 2 } });
    const mde = (await read('/api/figures/2022/mdes/forest')) as { projects: { approved: unknown } };
    expect(mde.projects.approved).toEqual(projects.approved);
    const provenance = await read('/api/figures/2022/provenance?figure=projects.approved.byTheme.fracture-numerique');
    expect(provenance).toMatchObject({
      value: 1,
      events: [expect.objectContaining({ stream: 'project-digital-2022', type: 'ProjectApproved', counts: 1 })],
    });
  });

  it('counts an outreach in the year of its date, not the year of its project', async () => {
    await recordAll(app.post, [
      ['/api/projects', projectBody('duo-2022', { mdes: ['forest'], kind: 'local', theme: undefined })],
      ['/api/projects/duo-2022/decision', { decision: 'approved' }],
      ['/api/projects/duo-2022/outreach', { id: 'o-2022', date: '2022-09-01', audience: 'people', count: 180 }],
      ['/api/projects/duo-2022/outreach', { id: 'o-2023', date: '2023-03-01', audience: 'people', count: 40 }],
    ]);

    const outreach = async (path: string) => {
      const body = await read(path);
      return ((body.activity ?? body) as { outreach: Record<string, number> }).outreach;
    };
    expect(await outreach('/api/figures/2022/projects/duo-2022')).toEqual({ people: 180 });
    expect(await outreach('/api/figures/2023/projects/duo-2022')).toEqual({ people: 40 });
    expect(await outreach('/api/figures/2023/mdes/forest')).toEqual({ people: 40 });
    expect(await outreach('/api/figures/2023')).toEqual({ people: 40 });
    expect(await read('/api/figures/2023/provenance?figure=outreach.people')).toMatchObject({
      value: 40,
      events: [expect.objectContaining({ type: 'OutreachRecorded', counts: 40 })],
    });
  });

  it('answers a repeated read as the first, and the next write at once', async () => {
    await recordAll(app.post, [
      ['/api/projects', projectBody('duo-2022', { mdes: ['forest'], kind: 'local', theme: undefined })],
      ['/api/projects/duo-2022/decision', { decision: 'approved' }],
      ['/api/sessions', sessionBody('s-1', { projectId: 'duo-2022', date: '2022-05-02' })],
    ]);
    const sessions = async (path: string) => {
      const body = (await read(path)) as { position: string; sessions?: number; activity?: { sessions: number } };
      return { position: body.position, sessions: body.activity?.sessions ?? body.sessions };
    };
    const paths = ['/api/figures/2022', '/api/figures/2022/mdes/forest', '/api/figures/2022/projects/duo-2022'];
    const before = await Promise.all(paths.map(sessions));
    expect(before.map((answer) => answer.sessions)).toEqual([1, 1, 1]);
    expect(await Promise.all(paths.map(sessions))).toEqual(before);

    await recordAll(app.post, [['/api/sessions', sessionBody('s-2', { projectId: 'duo-2022', date: '2022-05-09' })]]);

    const after = await Promise.all(paths.map(sessions));
    expect(after.map((answer) => answer.sessions)).toEqual([2, 2, 2]);
    expect(after.every((answer, i) => BigInt(answer.position) > BigInt(before[i]!.position))).toBe(true);
  });

  describe("an MDE's provenance", () => {
    beforeEach(async () => {
      await recordAll(app.post, [
        ['/api/projects', projectBody('forest-2022', { mdes: ['forest'], kind: 'local', theme: undefined })],
        ['/api/projects/forest-2022/decision', { decision: 'approved' }],
        ['/api/projects', projectBody('uccle-2022', { mdes: ['uccle'], kind: 'local', theme: undefined })],
        ['/api/projects/uccle-2022/decision', { decision: 'approved' }],
        ...['p-a', 'p-b', 'p-c'].map((id) => ['/api/participants', participantBody(id)] as const),
        ['/api/sessions', sessionBody('f-1', { projectId: 'forest-2022', date: '2022-05-02' })],
        ['/api/sessions', sessionBody('f-2', { projectId: 'forest-2022', date: '2022-05-09' })],
        ['/api/sessions', sessionBody('f-3', { projectId: 'forest-2022', date: '2022-05-16' })],
        ['/api/sessions', sessionBody('u-1', { projectId: 'uccle-2022', date: '2022-05-03' })],
        ['/api/sessions/f-1/attendances', { participantId: 'p-a' }],
        ['/api/sessions/f-2/attendances', { participantId: 'p-a' }],
        ['/api/sessions/f-2/attendances', { participantId: 'p-b' }],
        ['/api/sessions/u-1/attendances', { participantId: 'p-c' }],
        ['/api/sessions/f-3/cancellation', { reason: 'storm' }],
      ]);
    });

    it('lists the events of its projects that make up a figure, adding up to the figure', async () => {
      const figures = (await read('/api/figures/2022/mdes/forest')) as { activity: { sessions: number } };
      const sessions = (await read('/api/figures/2022/mdes/forest/provenance?figure=sessions')) as {
        value: number;
        events: Array<{ stream: string; counts: number }>;
      };

      expect(figures.activity.sessions).toBe(2);
      expect(sessions.value).toBe(2);
      expect(sessions.events.map((event) => [event.stream, event.counts])).toEqual([
        ['session-f-1', 1],
        ['session-f-2', 1],
      ]);
    });

    it('names, for a distinct count, the earliest event still counting each of its participants', async () => {
      const participants = (await read('/api/figures/2022/mdes/forest/provenance?figure=participants')) as {
        value: number;
        events: Array<{ item: string; stream: string; type: string }>;
      };

      expect(participants.value).toBe(2);
      expect(participants.events.map((event) => [event.item, event.stream, event.type])).toEqual([
        ['p-a', 'session-f-1', 'ParticipantAttended'],
        ['p-b', 'session-f-2', 'ParticipantAttended'],
      ]);
    });

    it('is refused to a partner of another MDE, and for a figure that does not exist', async () => {
      const { token } = (await app.post('/api/tokens', { role: 'partner', mdes: ['uccle'], label: 'Uccle' })).body as {
        token: string;
      };
      await expectRefusal(
        app,
        () => app.get('/api/figures/2022/mdes/forest/provenance?figure=sessions', { authorization: `Bearer ${token}` }),
        403,
        /The MDE forest is outside this token's scope/,
      );
      await expectRefusal(
        app,
        () => app.get('/api/figures/2022/mdes/forest/provenance?figure=smiles'),
        400,
        /^figure: /,
      );
    });
  });
});
