import { participantBody, projectBody, recordAll } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const local = (id: string, mdes: string[], overrides: Record<string, unknown> = {}) =>
  projectBody(id, { mdes, kind: 'local', theme: undefined, ...overrides });
const session = (id: string, projectId: string, date: string, kind: string, extra: Record<string, unknown> = {}) =>
  ['/api/sessions', { id, projectId, date, kind, ...extra }] as const;
const attend = (sessionId: string, participantId: string) =>
  [`/api/sessions/${sessionId}/attendances`, { participantId }] as const;

/**
 * A small programme counted by hand: Forest's project has three 2022 sessions
 * (one cancelled, one attendance retracted) and one in January 2023.
 */
const FIXTURE: Array<readonly [string, unknown]> = [
  ['/api/projects', local('forest-2022', ['forest'], { title: 'Forest emploi' })],
  ['/api/projects/forest-2022/decision', { decision: 'approved' }],
  ['/api/projects', local('ixelles-2022', ['ixelles'])],
  ['/api/projects/ixelles-2022/decision', { decision: 'approved' }],
  ['/api/projects', local('joint-2022', ['forest', 'ixelles'])],
  ['/api/projects/joint-2022/decision', { decision: 'rejected' }],
  ['/api/projects', local('forest-2023', ['forest', 'jette'], { year: 2023 })],
  ['/api/participants', participantBody('p-1')],
  ['/api/participants', participantBody('p-2', { role: 'citizen', registeredJobSeeker: false })],
  ['/api/participants', participantBody('p-3', { role: 'employer' })],
  session('s-2', 'forest-2022', '2022-05-10', 'event'),
  session('s-1', 'forest-2022', '2022-03-01', 'workshop', { title: 'CV', location: 'Maison communale' }),
  session('s-3', 'forest-2022', '2022-06-01', 'coaching'),
  session('s-4', 'forest-2022', '2023-01-10', 'training'),
  session('s-ix', 'ixelles-2022', '2022-04-01', 'workshop'),
  attend('s-1', 'p-1'),
  attend('s-1', 'p-2'),
  attend('s-2', 'p-1'),
  attend('s-2', 'p-3'),
  ['/api/sessions/s-2/attendances/p-3/retraction', { reason: 'recorded at the wrong session' }],
  attend('s-3', 'p-2'),
  ['/api/sessions/s-3/cancellation', { reason: 'storm' }],
  attend('s-4', 'p-3'),
  attend('s-ix', 'p-2'),
  [
    '/api/participants/p-1/stages',
    { id: 'st-1', projectId: 'forest-2022', startDate: '2022-10-03', sector: 'horeca', companyId: 'c-12' },
  ],
  [
    '/api/participants/p-2/stages',
    { id: 'st-1', projectId: 'forest-2022', startDate: '2022-04-01', sector: 'retail', companyId: 'c-5' },
  ],
  ['/api/projects/forest-2022/outreach', { id: 'o-1', date: '2022-09-01', audience: 'people', count: 180 }],
  ['/api/projects/forest-2022/outreach', { id: 'o-2', date: '2022-02-01', audience: 'companies', count: 40 }],
  ['/api/projects/forest-2022/outreach', { id: 'o-3', date: '2023-01-02', audience: 'people', count: 7 }],
  ['/api/participants/p-1/outcomes', { id: 'out-1', projectId: 'forest-2022', type: 'hired', date: '2022-11-30' }],
  ['/api/participants/p-3/outcomes', { id: 'out-1', projectId: 'ixelles-2022', type: 'other', date: '2022-12-01' }],
];

const ids = (body: Record<string, unknown>): unknown[] =>
  (body.items as Array<Record<string, unknown>>).map((item) => item.id ?? item.participantId);

describe('reading back what was recorded', () => {
  let app: TestApp;
  let forest: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    await recordAll(app.post, FIXTURE);
    const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' });
    forest = { authorization: `Bearer ${(issued.body as { token: string }).token}` };
  });

  afterAll(async () => {
    await app.close();
  });

  const readAll = async (url: string, headers: Record<string, string> = {}) => {
    const answer = await app.get(url, headers);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  describe('the lists answer what was recorded, in a stable order', () => {
    it('lists the projects by id, filtered by year, MDE and status', async () => {
      const all = await readAll('/api/projects');
      expect(ids(all)).toEqual(['forest-2022', 'forest-2023', 'ixelles-2022', 'joint-2022']);
      expect(all.next).toBeNull();
      expect((all.items as unknown[])[0]).toEqual({
        id: 'forest-2022',
        year: 2022,
        title: 'Forest emploi',
        mdes: ['forest'],
        kind: 'local',
        theme: null,
        status: 'approved',
        carrier: { name: "Maison de l'Emploi de Bruxelles-Ville", type: 'commune' },
      });
      expect(ids(await readAll('/api/projects?year=2022'))).toEqual(['forest-2022', 'ixelles-2022', 'joint-2022']);
      expect(ids(await readAll('/api/projects?mde=ixelles'))).toEqual(['ixelles-2022', 'joint-2022']);
      expect(ids(await readAll('/api/projects?status=rejected'))).toEqual(['joint-2022']);
      expect(ids(await readAll('/api/projects?status=submitted&mde=jette&year=2023'))).toEqual(['forest-2023']);
      expect(ids(await readAll('/api/projects?mde=uccle'))).toEqual([]);
    });

    it("lists a project's sessions by date, the cancelled one with no counted attendance", async () => {
      const sessions = await readAll('/api/projects/forest-2022/sessions?year=2022');
      expect(sessions.items).toEqual([
        {
          id: 's-1',
          date: '2022-03-01',
          kind: 'workshop',
          title: 'CV',
          location: 'Maison communale',
          cancelled: false,
          attendances: 2,
        },
        { id: 's-2', date: '2022-05-10', kind: 'event', title: null, location: null, cancelled: false, attendances: 1 },
        {
          id: 's-3',
          date: '2022-06-01',
          kind: 'coaching',
          title: null,
          location: null,
          cancelled: true,
          attendances: 0,
        },
      ]);
      expect(ids(await readAll('/api/projects/forest-2022/sessions'))).toEqual(['s-1', 's-2', 's-3', 's-4']);
      expect(ids(await readAll('/api/projects/forest-2022/sessions?year=2023'))).toEqual(['s-4']);
    });

    it('gives a session back as recorded, its retracted attendee with the reason', async () => {
      const s2 = await readAll('/api/sessions/s-2');
      expect(s2).toMatchObject({
        id: 's-2',
        projectId: 'forest-2022',
        cancelled: false,
        cancellation: null,
        attendances: 1,
      });
      expect(s2.attendees).toEqual([
        { participantId: 'p-1', retracted: false, retractionReason: null },
        { participantId: 'p-3', retracted: true, retractionReason: 'recorded at the wrong session' },
      ]);
      const s3 = await readAll('/api/sessions/s-3');
      expect(s3).toMatchObject({ cancelled: true, attendances: 0, cancellation: { reason: 'storm' } });
      expect(s3.attendees).toEqual([{ participantId: 'p-2', retracted: false, retractionReason: null }]);
    });

    it("lists a project's participants with their counted attendances of the year", async () => {
      expect((await readAll('/api/projects/forest-2022/participants?year=2022')).items).toEqual([
        { participantId: 'p-1', role: 'job-seeker', registeredJobSeeker: true, attendances: 2 },
        { participantId: 'p-2', role: 'citizen', registeredJobSeeker: false, attendances: 1 },
      ]);
      // p-3's only counted attendance is in January 2023.
      expect((await readAll('/api/projects/forest-2022/participants')).items).toEqual([
        { participantId: 'p-1', role: 'job-seeker', registeredJobSeeker: true, attendances: 2 },
        { participantId: 'p-2', role: 'citizen', registeredJobSeeker: false, attendances: 1 },
        { participantId: 'p-3', role: 'employer', registeredJobSeeker: true, attendances: 1 },
      ]);
    });

    it("lists a project's stages, outreach and outcomes by date, with their ids", async () => {
      const stages = await readAll('/api/projects/forest-2022/stages?year=2022');
      expect(stages.items).toEqual([
        expect.objectContaining({
          id: 'st-1',
          participantId: 'p-2',
          startDate: '2022-04-01',
          sector: 'retail',
          companyId: 'c-5',
        }),
        expect.objectContaining({
          id: 'st-1',
          participantId: 'p-1',
          startDate: '2022-10-03',
          sector: 'horeca',
          companyId: 'c-12',
        }),
      ]);
      const outreach = await readAll('/api/projects/forest-2022/outreach?year=2022');
      expect(outreach.items).toEqual([
        expect.objectContaining({ id: 'o-2', date: '2022-02-01', audience: 'companies', count: 40 }),
        expect.objectContaining({ id: 'o-1', date: '2022-09-01', audience: 'people', count: 180 }),
      ]);
      expect(ids(await readAll('/api/projects/forest-2022/outreach'))).toEqual(['o-2', 'o-1', 'o-3']);
      const outcomes = await readAll('/api/projects/forest-2022/outcomes');
      expect(outcomes.items).toEqual([
        expect.objectContaining({ id: 'out-1', participantId: 'p-1', type: 'hired', date: '2022-11-30' }),
      ]);
    });

    it('gives a participant back as registered, to any role', async () => {
      expect(await readAll('/api/participants/p-2', forest)).toMatchObject({
        id: 'p-2',
        role: 'citizen',
        registeredJobSeeker: false,
      });
      await expectRefusal(app, () => app.get('/api/participants/p-404'), 404, /Participant p-404 does not exist/);
    });
  });

  describe('paging', () => {
    it('walks a list page by page with the cursor, each item once, in the same order', async () => {
      for (const [url, expected] of [
        ['/api/projects', ['forest-2022', 'forest-2023', 'ixelles-2022', 'joint-2022']],
        ['/api/projects/forest-2022/sessions', ['s-1', 's-2', 's-3', 's-4']],
        ['/api/projects/forest-2022/participants', ['p-1', 'p-2', 'p-3']],
        ['/api/projects/forest-2022/outreach', ['o-2', 'o-1', 'o-3']],
      ] as const) {
        const seen: unknown[] = [];
        let next: unknown = undefined;
        do {
          const cursor: string = typeof next === 'string' ? `&after=${encodeURIComponent(next)}` : '';
          const page = await readAll(`${url}?limit=2${cursor}`);
          expect((page.items as unknown[]).length).toBeLessThanOrEqual(2);
          seen.push(...ids(page));
          next = page.next;
        } while (next !== null);
        expect(seen).toEqual(expected);
      }
    });

    it('keeps a later page in place when a project is added before the cursor', async () => {
      const first = await readAll('/api/projects?limit=2');
      await recordAll(app.post, [['/api/projects', local('aaa-2022', ['forest'])]]);
      const second = await readAll(`/api/projects?limit=2&after=${encodeURIComponent(first.next as string)}`);
      expect(ids(second)).toEqual(['ixelles-2022', 'joint-2022']);
    });

    it('answers 100 items by default and at most 500', async () => {
      const sessions = Array.from({ length: 120 }, (_, n) =>
        session(`bulk-${String(n).padStart(3, '0')}`, 'ixelles-2022', '2022-09-09', 'workshop'),
      );
      await recordAll(app.post, sessions);
      const page = await readAll('/api/projects/ixelles-2022/sessions');
      expect((page.items as unknown[]).length).toBe(100);
      expect(page.next).toEqual(expect.any(String));
      const rest = await readAll(
        `/api/projects/ixelles-2022/sessions?after=${encodeURIComponent(page.next as string)}`,
      );
      expect((rest.items as unknown[]).length).toBe(21);
      expect(rest.next).toBeNull();
      expect((await readAll('/api/projects/ixelles-2022/sessions?limit=500')).next).toBeNull();
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['after=not-a-cursor', 'after'],
      [`after=${Buffer.from('["a","b","c"]').toString('base64url')}`, 'after'],
      ['year=22', 'year'],
      ['colour=red', 'colour'],
    ])('refuses ?%s, naming %s', async (query, field) => {
      const answer = await expectRefusal(app, () => app.get(`/api/projects/forest-2022/sessions?${query}`), 400, /./);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses a status that is none and an MDE that is no slug', async () => {
      for (const [query, field] of [
        ['status=won', 'status'],
        ['mde=Forest!', 'mde'],
      ]) {
        const answer = await expectRefusal(app, () => app.get(`/api/projects?${query}`), 400, /./);
        expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
      }
    });

    it('reflects at least minPosition', async () => {
      const written = await app.post('/api/sessions', {
        id: 'late',
        projectId: 'forest-2022',
        date: '2022-12-20',
        kind: 'other',
      });
      const position = (written.body as { position: string }).position;
      const page = await readAll(`/api/projects/forest-2022/sessions?year=2022&minPosition=${position}`);
      expect(ids(page)).toContain('late');
      expect(BigInt(page.position as string)).toBeGreaterThanOrEqual(BigInt(position));
    });
  });

  describe('scope', () => {
    it("shows a partner only its MDEs' projects", async () => {
      expect(ids(await readAll('/api/projects?year=2022', forest))).toEqual(
        expect.arrayContaining(['forest-2022', 'joint-2022']),
      );
      expect(ids(await readAll('/api/projects', forest))).not.toContain('ixelles-2022');
      await expectRefusal(app, () => app.get('/api/projects?mde=ixelles', forest), 403, /outside this token's scope/);
    });

    it.each([
      '/api/projects/{p}/sessions',
      '/api/projects/{p}/participants',
      '/api/projects/{p}/stages',
      '/api/projects/{p}/outreach',
      '/api/projects/{p}/outcomes',
    ])('%s: another MDE’s project and an unknown one are refused alike to a partner, 404 to others', async (route) => {
      const other = await expectRefusal(app, () => app.get(route.replace('{p}', 'ixelles-2022'), forest), 403, /scope/);
      const unknown = await expectRefusal(
        app,
        () => app.get(route.replace('{p}', 'nowhere-2022'), forest),
        403,
        /scope/,
      );
      expect(String(unknown.body.detail).replace('nowhere-2022', 'ixelles-2022')).toBe(other.body.detail);
      expect(JSON.stringify(other.body)).not.toMatch(/ixelles"|uccle|p-3/);
      await expectRefusal(app, () => app.get(route.replace('{p}', 'nowhere-2022')), 404, /does not exist/);
      expect((await app.get(route.replace('{p}', 'forest-2022'), forest)).status).toBe(200);
    });

    it("refuses a partner another MDE's session as it refuses an unknown one", async () => {
      const other = await expectRefusal(
        app,
        () => app.get('/api/sessions/s-ix', forest),
        403,
        /Session s-ix is outside/,
      );
      const unknown = await expectRefusal(
        app,
        () => app.get('/api/sessions/s-none', forest),
        403,
        /Session s-none is outside/,
      );
      expect(String(unknown.body.detail).replace('s-none', 's-ix')).toBe(other.body.detail);
      await expectRefusal(app, () => app.get('/api/sessions/s-none'), 404, /Session s-none does not exist/);
      expect((await app.get('/api/sessions/s-1', forest)).status).toBe(200);
    });
  });

  it('answers the same after the read models are rebuilt from the log', async () => {
    const urls = [
      '/api/projects',
      '/api/projects/forest-2022/sessions',
      '/api/sessions/s-2',
      '/api/sessions/s-3',
      '/api/projects/forest-2022/participants',
      '/api/projects/forest-2022/stages',
      '/api/projects/forest-2022/outreach',
      '/api/projects/forest-2022/outcomes',
      '/api/participants/p-1',
    ];
    const before = await Promise.all(urls.map((url) => readAll(url)));
    expect((await app.post('/api/audit/rebuild')).status).toBe(200);
    const after = await Promise.all(urls.map((url) => readAll(url)));
    expect(after).toEqual(before);
  });
});
