import { participantBody, projectBody, seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('commands over HTTP', () => {
  let app: TestApp;

  /** The request must be refused with this status, naming this rule, and write nothing. */
  const refuses = (send: () => ReturnType<TestApp['post']>, status: number, rule: RegExp) =>
    expectRefusal(app, send, status, rule);

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  describe('POST /api/projects', () => {
    it('answers 201 with the id and the position of the event', async () => {
      const head = (await app.head())!;
      const response = await app.post('/api/projects', projectBody());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: 'digimobile-2022', position: String(head + 1n) });
    });

    it('answers an identical repeat 200 with the same position, writing nothing', async () => {
      const first = await app.post('/api/projects', projectBody());
      const repeat = await app.post('/api/projects', projectBody());
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
      const next = await app.post('/api/participants', participantBody());
      expect(next.body.position).toBe(String(BigInt(first.body.position as string) + 1n));
    });

    it('answers 409 when the id exists with different content', async () => {
      await app.post('/api/projects', projectBody());
      await refuses(
        () => app.post('/api/projects', projectBody('digimobile-2022', { title: 'Other' })),
        409,
        /Project digimobile-2022 was already submitted with different content/,
      );
    });

    it.each([
      ['a missing field', { title: undefined }, 'title'],
      ['an unknown field', { budget: 1 }, 'budget'],
      ['a wrong type', { year: '2022' }, 'year'],
      ['an unknown carrier type', { carrier: { name: 'X', type: 'bank' } }, 'carrier.type'],
      ['an unknown nested field', { carrier: { name: 'X', type: 'cpas', vat: 'BE0' } }, 'carrier.vat'],
      ['a thematic project without theme', { theme: undefined }, 'theme'],
      ['an invalid id', { id: '../etc/passwd' }, 'id'],
      ['a negative target', { targets: { participants: -1 } }, 'targets.participants'],
      ['an unknown target', { targets: { smiles: 3 } }, 'targets.smiles'],
      ['an empty MDE list', { mdes: [] }, 'mdes'],
      ['a blank title', { title: '   ' }, 'title'],
    ])('answers 400 naming the field for %s', async (_case, change, field) => {
      const response = await refuses(
        () => app.post('/api/projects', projectBody('p-1', change)),
        400,
        new RegExp(`(^|; )${field.replace('.', '\\.')}: `),
      );
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await app.get('/api/projects/p-1')).status).toBe(404);
    });

    it('says what is wrong with the MDE list, in the words the tokens endpoint uses', async () => {
      const empty = await refuses(() => app.post('/api/projects', projectBody('p-1', { mdes: [] })), 400, /mdes: /);
      expect(empty.body.errors).toContainEqual({ field: 'mdes', message: 'mdes must name at least one MDE' });
      const notSlug = await refuses(
        () => app.post('/api/projects', projectBody('p-1', { mdes: ['Forest'] })),
        400,
        /mdes: /,
      );
      expect(notSlug.body.errors).toEqual([
        { field: 'mdes', message: 'each value in mdes must be an MDE slug (lower-case words joined by dashes)' },
      ]);
    });
  });

  describe('POST /api/projects/{id}/decision', () => {
    beforeEach(async () => {
      await app.post('/api/projects', projectBody());
    });

    it('approves once: 201, then 200 for the same decision, 409 for another', async () => {
      const approve = { decision: 'approved', fundedAmount: 12000.5, reason: 'fits the call' };
      expect((await app.post('/api/projects/digimobile-2022/decision', approve)).status).toBe(201);
      expect((await app.post('/api/projects/digimobile-2022/decision', approve)).status).toBe(200);
      await refuses(
        () => app.post('/api/projects/digimobile-2022/decision', { decision: 'rejected' }),
        409,
        /Project digimobile-2022 was already approved; a project is decided once/,
      );
      const project = await app.get('/api/projects/digimobile-2022');
      expect(project.body).toMatchObject({
        status: 'approved',
        decision: { decision: 'approved', fundedAmount: 12000.5 },
      });
    });

    it('answers 404 for an unknown project and 400 for an invalid decision', async () => {
      await refuses(
        () => app.post('/api/projects/unknown/decision', { decision: 'approved' }),
        404,
        /Project unknown does not exist/,
      );
      const invalid = await refuses(
        () => app.post('/api/projects/digimobile-2022/decision', { decision: 'maybe', fundedAmount: -5 }),
        400,
        /decision: .*fundedAmount: /,
      );
      expect((invalid.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'decision',
        'fundedAmount',
      ]);
    });
  });

  describe('POST /api/projects/{id}/outreach', () => {
    const outreach = { id: 'o-1', date: '2022-09-01', audience: 'people', count: 180 };

    it('answers 422 before the project is approved, 201 after', async () => {
      await app.post('/api/projects', projectBody());
      await refuses(
        () => app.post('/api/projects/digimobile-2022/outreach', outreach),
        422,
        /only be recorded for an approved project; project digimobile-2022 is submitted/,
      );
      await app.post('/api/projects/digimobile-2022/decision', { decision: 'approved' });
      expect((await app.post('/api/projects/digimobile-2022/outreach', outreach)).status).toBe(201);
      expect((await app.post('/api/projects/digimobile-2022/outreach', outreach)).status).toBe(200);
      await refuses(
        () => app.post('/api/projects/digimobile-2022/outreach', { ...outreach, count: 5 }),
        409,
        /Outreach o-1 was already recorded with different content/,
      );
    });

    it('refuses a count out of range and a date in the future', async () => {
      await seedApprovedProject(app);
      const post = (change: object) => () =>
        app.post('/api/projects/digimobile-2022/outreach', { ...outreach, ...change });
      await refuses(post({ count: 0 }), 400, /^count: /);
      await refuses(post({ count: 100001 }), 400, /^count: /);
      await refuses(
        post({ date: '2023-02-01' }),
        422,
        /cannot be dated in the future \(2023-02-01; today is 2023-01-15\)/,
      );
    });
  });

  describe('POST /api/projects/{id}/narrative', () => {
    it('records a narrative (201), repeats it (200), and needs the project (404)', async () => {
      await app.post('/api/projects', projectBody());
      const narrative = { year: 2022, text: 'Entre mi-juillet et début novembre, un bus…' };
      expect((await app.post('/api/projects/digimobile-2022/narrative', narrative)).status).toBe(201);
      expect((await app.post('/api/projects/digimobile-2022/narrative', narrative)).status).toBe(200);
      await refuses(() => app.post('/api/projects/other/narrative', narrative), 404, /Project other does not exist/);
      await refuses(
        () => app.post('/api/projects/digimobile-2022/narrative', { year: 2022, text: '' }),
        400,
        /^text: /,
      );
      const project = await app.get('/api/projects/digimobile-2022');
      expect(project.body.narratives).toEqual({ '2022': { text: narrative.text, writtenAt: expect.any(String) } });
    });
  });

  describe('POST /api/sessions', () => {
    it('answers 422 for an unknown or unapproved project, 201 for an approved one', async () => {
      await refuses(() => app.post('/api/sessions', sessionBody()), 422, /Project digimobile-2022 does not exist/);
      await app.post('/api/projects', projectBody());
      await refuses(
        () => app.post('/api/sessions', sessionBody()),
        422,
        /only be recorded for an approved project; project digimobile-2022 is submitted/,
      );
      await app.post('/api/projects/digimobile-2022/decision', { decision: 'approved' });
      expect((await app.post('/api/sessions', sessionBody())).status).toBe(201);
      expect((await app.post('/api/sessions', sessionBody())).status).toBe(200);
      await refuses(
        () => app.post('/api/sessions', sessionBody('dm-01', { kind: 'workshop' })),
        409,
        /Session dm-01 was already recorded with different content/,
      );
    });

    it('answers 400 for a date outside the calendar and 422 for a date in the future', async () => {
      await seedApprovedProject(app);
      const notADate = await refuses(
        () => app.post('/api/sessions', sessionBody('dm-02', { date: '2022-02-30' })),
        400,
        /^date: /,
      );
      expect(notADate.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
      await refuses(
        () => app.post('/api/sessions', sessionBody('dm-02', { date: '2023-01-16' })),
        422,
        /cannot be dated in the future \(2023-01-16; today is 2023-01-15\)/,
      );
      expect((await app.post('/api/sessions', sessionBody('dm-02', { date: '2023-01-15' }))).status).toBe(201);
    });
  });

  describe('attendances', () => {
    beforeEach(async () => {
      await seedApprovedProject(app);
    });

    it('records an attendance once (201, then 200) and refuses an unregistered participant (422)', async () => {
      const first = await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' });
      const again = await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual(first.body);
      await refuses(
        () => app.post('/api/sessions/dm-01/attendances', { participantId: 'p-none' }),
        422,
        /Participant p-none is not registered/,
      );
      await refuses(
        () => app.post('/api/sessions/dm-99/attendances', { participantId: 'p-7f3a' }),
        404,
        /Session dm-99 does not exist/,
      );
    });

    it('takes no attendance at a cancelled session (422); a cancellation is not made twice (409)', async () => {
      expect((await app.post('/api/sessions/dm-01/cancellation', { reason: 'storm' })).status).toBe(201);
      expect((await app.post('/api/sessions/dm-01/cancellation', { reason: 'storm' })).status).toBe(200);
      await refuses(
        () => app.post('/api/sessions/dm-01/cancellation', { reason: 'other' }),
        409,
        /Session dm-01 was already cancelled; it is not cancelled twice/,
      );
      await refuses(
        () => app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }),
        422,
        /Session dm-01 was cancelled; it takes no attendance/,
      );
      await refuses(
        () => app.post('/api/sessions/dm-99/cancellation', { reason: 'x' }),
        404,
        /Session dm-99 does not exist/,
      );
      await refuses(() => app.post('/api/sessions/dm-01/cancellation', {}), 400, /^reason: /);
    });

    it('retracts a recorded attendance only', async () => {
      const retract = (participant: string) =>
        app.post(`/api/sessions/dm-01/attendances/${participant}/retraction`, { reason: 'wrong session' });
      await refuses(
        () => retract('p-7f3a'),
        422,
        /Participant p-7f3a has no recorded attendance at session dm-01 to retract/,
      );
      await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' });
      expect((await retract('p-7f3a')).status).toBe(201);
      expect((await retract('p-7f3a')).status).toBe(200);
      await refuses(
        () => app.post('/api/sessions/dm-01/attendances/p-7f3a/retraction', { reason: 'another reason' }),
        409,
        /The attendance of p-7f3a was already retracted/,
      );
      await refuses(() => retract('p-unknown'), 404, /Participant p-unknown does not exist/);
    });
  });

  describe('participants, stages and outcomes', () => {
    beforeEach(async () => {
      await seedApprovedProject(app);
    });

    it('registers once (200 on repeat, 409 on different content)', async () => {
      expect((await app.post('/api/participants', participantBody())).status).toBe(200);
      await refuses(
        () => app.post('/api/participants', participantBody('p-7f3a', { role: 'citizen' })),
        409,
        /Participant p-7f3a was already registered with different content/,
      );
      await refuses(
        () => app.post('/api/participants', participantBody('p-2', { registeredJobSeeker: 'yes' })),
        400,
        /^registeredJobSeeker: /,
      );
    });

    it('records stages for an approved project, unique within the participant', async () => {
      const stage = {
        id: 's-1',
        projectId: 'digimobile-2022',
        startDate: '2022-10-03',
        sector: 'horeca',
        companyId: 'c-12',
      };
      expect((await app.post('/api/participants/p-7f3a/stages', stage)).status).toBe(201);
      expect((await app.post('/api/participants/p-7f3a/stages', stage)).status).toBe(200);
      await refuses(
        () => app.post('/api/participants/p-7f3a/stages', { ...stage, sector: 'vente' }),
        409,
        /Stage s-1 was already recorded with different content/,
      );
      await refuses(() => app.post('/api/participants/p-none/stages', stage), 404, /Participant p-none does not exist/);
      await refuses(
        () => app.post('/api/participants/p-7f3a/stages', { ...stage, id: 's-2', projectId: 'x' }),
        422,
        /Project x does not exist/,
      );
    });

    it('records outcomes, refusing an unknown project and a future date', async () => {
      const outcome = { id: 'out-1', projectId: 'digimobile-2022', type: 'hired', date: '2022-11-30' };
      const post = (change: object) => () => app.post('/api/participants/p-7f3a/outcomes', { ...outcome, ...change });
      expect((await post({})()).status).toBe(201);
      await refuses(post({ id: 'o2', projectId: 'x' }), 422, /Project x does not exist/);
      await refuses(post({ id: 'o3', date: '2024-01-01' }), 422, /cannot be dated in the future \(2024-01-01;/);
      await refuses(post({ id: 'o4', type: 'promoted' }), 400, /^type: /);
      await refuses(
        post({ type: 'training-completed' }),
        409,
        /Outcome out-1 was already recorded with different content/,
      );
    });
  });
});
