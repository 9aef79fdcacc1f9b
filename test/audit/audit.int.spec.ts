import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { verifyLedger } from '../../src/audit/ledger-verification.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { participantBody, projectBody, seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('auditors replay history', () => {
  let app: TestApp;
  let store: EventStore;

  beforeEach(async () => {
    app = await startTestApp({ today: '2023-01-05' });
    store = app.app.get<EventStore>(EVENT_STORE);
    await seedApprovedProject(app);
    for (const id of ['p-2', 'p-3'])
      await app.post('/api/participants', participantBody(id, { registeredJobSeeker: false }));
    for (const id of ['p-7f3a', 'p-2', 'p-3']) await app.post('/api/sessions/dm-01/attendances', { participantId: id });
  });
  afterEach(async () => {
    await app.close();
  });

  const latest = async () => String(await store.headPosition());

  describe('the log', () => {
    it('pages through the events in order, with their metadata', async () => {
      // The test app registers the demo's MDEs first: the project's events come after them.
      const registrations = (await app.get('/api/mdes')).body.mdes as unknown[];
      const start = registrations.length;
      const first = await app.get(`/api/events?after=${start}&limit=3`);
      expect(first.status).toBe(200);
      const events = first.body.events as Array<Record<string, unknown>>;
      expect(events.map((e) => e.position)).toEqual([1, 2, 3].map((n) => String(start + n)));
      expect(events[0]).toMatchObject({
        stream: 'project-digimobile-2022',
        revision: 0,
        type: 'ProjectSubmitted',
        data: expect.objectContaining({ projectId: 'digimobile-2022' }),
        metadata: expect.objectContaining({
          actor: 'admin',
          recordedAt: '2023-01-05T10:00:00.000Z',
          commandId: expect.any(String),
          correlationId: expect.any(String),
          causationId: expect.any(String),
          schemaVersion: 2,
        }),
      });
      expect(first.body.next).toBe(String(start + 3));
      const rest = await app.get(`/api/events?after=${start + 3}&limit=1000`);
      expect((rest.body.events as unknown[]).length).toBe(Number(await latest()) - start - 3);
      expect(rest.body.next).toBeNull();
      await expectRefusal(app, () => app.get('/api/events?limit=0'), 400, /^limit: /);
      await expectRefusal(app, () => app.get('/api/events?limit=1001'), 400, /^limit: /);
    });

    it('reads one stream with its revisions, and says 404 for a stream with no events', async () => {
      const session = await app.get('/api/streams/session-dm-01');
      expect(
        (session.body.events as Array<{ revision: number; type: string }>).map((e) => [e.revision, e.type]),
      ).toEqual([
        [0, 'SessionHeld'],
        [1, 'ParticipantAttended'],
        [2, 'ParticipantAttended'],
        [3, 'ParticipantAttended'],
      ]);
      await expectRefusal(app, () => app.get('/api/streams/session-nope'), 404, /Stream session-nope has no events/);
      await expectRefusal(app, () => app.get('/api/streams/..%2Fetc'), 400, /^stream: must be a stream name/);
    });

    it('is for coordinators and auditors, not partners', async () => {
      const partner = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'p' })).body
        .token as string;
      const auditor = (await app.post('/api/tokens', { role: 'auditor', label: 'a' })).body.token as string;
      expect((await app.get('/api/events', { authorization: `Bearer ${auditor}` })).status).toBe(200);
      const asPartner = { authorization: `Bearer ${partner}` };
      const role = /This needs the role coordinator or auditor; the token's role is partner/;
      await expectRefusal(app, () => app.get('/api/events', asPartner), 403, role);
      await expectRefusal(app, () => app.get('/api/audit/ledger', asPartner), 403, role);
    });
  });

  describe('time travel', () => {
    it('answers the figures as they stood before a late entry and a correction, by time and by position', async () => {
      const before = await latest();
      const beforeTime = '2023-01-05T10:00:00Z';
      app.clock.set('2023-01-20T09:00:00.000Z');
      // Late entries for December, recorded in January, and a correction.
      await app.post('/api/sessions', sessionBody('dm-late', { date: '2022-12-28' }));
      await app.post('/api/participants', participantBody('p-late'));
      await app.post('/api/sessions/dm-late/attendances', { participantId: 'p-late' });
      await app.post('/api/sessions/dm-01/attendances/p-3/retraction', { reason: 'not there' });
      const now = await app.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${await latest()}`);
      const asOf = await app.get(`/api/figures/2022/projects/digimobile-2022?asOf=${beforeTime}`);
      const atPosition = await app.get(`/api/figures/2022/projects/digimobile-2022?atPosition=${before}`);

      expect(now.body).toMatchObject({ sessions: 2, participants: 3, attendances: 3 });
      expect(asOf.body).toMatchObject({
        sessions: 1,
        participants: 3,
        attendances: 3,
        asOf: '2023-01-05T10:00:00.000Z',
      });
      expect(asOf.body.notRegisteredJobSeekers).toBe(2);
      expect(atPosition.body).toMatchObject({ sessions: 1, participants: 3, position: before });
      const programme = await app.get(`/api/figures/2022?asOf=${beforeTime}`);
      expect(programme.body).toMatchObject({ activity: { sessions: 1, participants: 3 } });
      const mde = await app.get(`/api/figures/2022/mdes/forest?atPosition=${before}`);
      expect(mde.body).toMatchObject({ activity: { sessions: 1 } });
    });

    it('refuses asOf and atPosition together, and a timestamp without a zone', async () => {
      await expectRefusal(
        app,
        () => app.get('/api/figures/2022?asOf=2023-01-05T10:00:00Z&atPosition=3'),
        400,
        /asOf|atPosition/,
      );
      await expectRefusal(app, () => app.get('/api/figures/2022?asOf=2023-01-05T10:00:00'), 400, /^asOf: /);
      await expectRefusal(app, () => app.get('/api/figures/2022?asOf=yesterday'), 400, /^asOf: /);
    });
  });

  describe('provenance', () => {
    it('lists the events that make up each figure; their counts add up to it', async () => {
      await app.post('/api/projects/digimobile-2022/outreach', {
        id: 'o-1',
        date: '2022-09-01',
        audience: 'people',
        count: 120,
      });
      await app.post('/api/projects/digimobile-2022/outreach', {
        id: 'o-2',
        date: '2022-10-01',
        audience: 'people',
        count: 60,
      });
      await app.post('/api/participants/p-2/stages', {
        id: 's-1',
        projectId: 'digimobile-2022',
        startDate: '2022-10-03',
        sector: 'horeca',
        companyId: 'c-1',
      });
      await app.post('/api/sessions/dm-01/attendances/p-3/retraction', { reason: 'not there' });
      const minPosition = await latest();
      const figures = (await app.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${minPosition}`)).body;

      for (const figure of [
        'sessions',
        'participants',
        'attendances',
        'notRegisteredJobSeekers',
        'participantsByRole.job-seeker',
        'outreach.people',
        'stages',
        'stageSectors',
        'stageCompanies',
      ]) {
        const provenance = await app.get(`/api/figures/2022/projects/digimobile-2022/provenance?figure=${figure}`);
        expect(provenance.status).toBe(200);
        const events = provenance.body.events as Array<{
          counts: number;
          position: string;
          stream: string;
          type: string;
        }>;
        const [name, key] = figure.split('.') as [string, string | undefined];
        const expected = key === undefined ? figures[name] : (figures[name] as Record<string, number>)[key];
        expect([figure, events.reduce((sum, e) => sum + e.counts, 0)]).toEqual([figure, expected]);
        expect(provenance.body.value).toBe(expected);
      }
      const participants = await app.get('/api/figures/2022/projects/digimobile-2022/provenance?figure=participants');
      expect(participants.body.events).toEqual([
        expect.objectContaining({ item: 'p-7f3a', stream: 'session-dm-01', type: 'ParticipantAttended' }),
        expect.objectContaining({ item: 'p-2', stream: 'session-dm-01', type: 'ParticipantAttended' }),
      ]);
      const programme = await app.get('/api/figures/2022/provenance?figure=projects.approved.count');
      expect(programme.body).toMatchObject({
        value: 1,
        events: [expect.objectContaining({ type: 'ProjectApproved' })],
      });
      await expectRefusal(
        app,
        () => app.get('/api/figures/2022/projects/digimobile-2022/provenance?figure=smiles'),
        400,
        /^figure: /,
      );
    });

    it('pages the events of a figure; the value and the total are the whole figure on every page', async () => {
      const url = '/api/figures/2022/projects/digimobile-2022/provenance?figure=participants';
      const whole = await app.get(url);
      const total = (whole.body.events as unknown[]).length;
      expect(total).toBeGreaterThan(1);
      expect(whole.body).toMatchObject({ total });
      expect(whole.body.next).toBeUndefined();
      const pages: Array<Record<string, unknown>> = [(await app.get(`${url}&limit=1`)).body];
      while (pages[pages.length - 1]!.next !== undefined) {
        const after = pages[pages.length - 1]!.next as string;
        pages.push((await app.get(`${url}&limit=1&after=${after}&atPosition=${pages[0]!.position as string}`)).body);
      }
      expect(pages).toHaveLength(total);
      for (const page of pages) expect(page).toMatchObject({ value: whole.body.value, total });
      expect(pages.flatMap((page) => page.events as unknown[])).toEqual(whole.body.events);
      for (const bad of ['limit=0', 'limit=1e3', 'limit=1001', 'after=bm9wZQ'])
        expect([bad, (await app.get(`${url}&${bad}`)).status]).toEqual([bad, 400]);
    });
  });

  describe('corrections', () => {
    it('lists the cancellations and retractions of a year with reason, actor, time and the figures they changed', async () => {
      await app.post('/api/sessions/dm-01/attendances/p-3/retraction', { reason: 'not there' });
      await app.post('/api/sessions/dm-01/cancellation', { reason: 'storm' });
      const corrections = await app.get(`/api/figures/2022/corrections?minPosition=${await latest()}`);

      expect(corrections.body.corrections).toEqual([
        expect.objectContaining({
          type: 'AttendanceRetracted',
          participantId: 'p-3',
          reason: 'not there',
          actor: 'admin',
          changes: expect.arrayContaining([
            { scope: 'project:digimobile-2022', figure: 'attendances', delta: -1 },
            { scope: 'programme', figure: 'participants', delta: -1 },
          ]),
        }),
        expect.objectContaining({
          type: 'SessionCancelled',
          reason: 'storm',
          changes: expect.arrayContaining([
            { scope: 'project:digimobile-2022', figure: 'sessions', delta: -1 },
            { scope: 'project:digimobile-2022', figure: 'attendances', delta: -2 },
          ]),
        }),
      ]);
    });
  });

  describe('the tamper-evident chain', () => {
    it('exposes the head of the chain, and finds the position of an event altered in the SQLite file', async () => {
      const head = await app.get(`/api/audit/ledger?minPosition=${await latest()}`);
      expect(head.body).toEqual({ position: await latest(), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const readStore = new ReadStore(join(app.dataDir, 'read-models.db'));
      expect((await verifyLedger(store, readStore.db)).break).toBeNull();

      const raw = new Database(join(app.dataDir, 'events.db'));
      raw.prepare(`UPDATE events SET data = json_set(data, '$.participantId', 'p-9') WHERE position = 6`).run();
      raw.close();

      expect((await verifyLedger(store, readStore.db)).break).toEqual({
        position: 6n,
        reason: 'the event differs from the one the ledger chained',
      });
      readStore.close();
    });
  });

  it('rebuilds the read models without stopping, to the same figures', async () => {
    const before = await app.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${await latest()}`);
    const rebuild = await app.post('/api/audit/rebuild');
    expect(rebuild.status).toBe(200);
    const after = await app.get('/api/figures/2022/projects/digimobile-2022');
    expect(after.body).toEqual(before.body);
    expect((await app.post('/api/participants', participantBody('p-after'))).status).toBe(201);
    expect((await app.get(`/api/figures/2022?minPosition=${await latest()}`)).status).toBe(200);
  });

  it('reads a v1 event written by hand in the current shape', async () => {
    const commandId = randomUUID();
    await store.appendToStream(
      'project-legacy-2021',
      [
        {
          id: randomUUID(),
          type: 'ProjectSubmitted',
          data: {
            ...projectBody('legacy-2021'),
            id: undefined,
            projectId: 'legacy-2021',
            year: 2021,
            mdes: undefined,
            mde: 'forest',
            kind: 'local',
            theme: undefined,
          },
          metadata: {
            recordedAt: '2021-03-01T09:00:00.000Z',
            actor: 'import',
            commandId,
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const project = await app.get(`/api/projects/legacy-2021?minPosition=${await latest()}`);
    expect(project.body).toMatchObject({ mdes: ['forest'], status: 'submitted' });
    expect((await app.post('/api/projects/legacy-2021/decision', { decision: 'approved' })).status).toBe(201);
    const forest = await app.get(`/api/figures/2021/mdes/forest?minPosition=${await latest()}`);
    expect(forest.body).toMatchObject({ projects: { submitted: { count: 1 }, approved: { count: 1 } } });
  });
});
