import { fr } from '../../src/reports/catalogues/fr.catalogue.js';
import { pdfAvailable } from '../../src/reports/renderers/pdf.renderer.js';
import { participantBody, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import type { TestApp } from '../support/test-app.js';
import { fetchBytes, startReportApp } from './report-programme.js';

const FORMATS = ['text/markdown', 'text/html', 'text/csv', 'application/json'];

describe('the annual report', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startReportApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('words the programme and each project as the reference report does, in French by default', async () => {
    const report = await fetchBytes(app, '/api/reports/2022', 'text/markdown');
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const text = report.body;
    expect(text).toContain('Au total, **2 projets** ont été financés en 2022.');
    expect(text).toContain("50% des projets introduits cette année s'adressent à tous les CE.");
    expect(text).toContain(
      '50% des projets ont été portés par les Administrations Communales, 0% par les Missions locales ou les ALE, et 50% par les CPAS',
    );
    expect(text).toContain('# Projets thématiques 2022');
    expect(text).toContain('## DigiMobile');
    expect(text).toContain('Un bus a stationné dans cinq communes.');
    expect(text).toContain(
      "**Le projet en quelques chiffres :** 1 date, 3 participants (2 citoyens, 1 chercheur d'emploi)",
    );
    expect(text).toContain('180 personnes contactées, 140 entreprises contactées');
    expect(text).toContain('1 stage en entreprise dans 1 secteur');
  });

  it('says the same in Dutch', async () => {
    const text = (await fetchBytes(app, '/api/reports/2022?lang=nl', 'text/markdown')).body;
    expect(text).toContain('In totaal werden **2 projecten** gefinancierd in 2022.');
    expect(text).toContain('1 datum, 3 deelnemers');
    expect(text).toContain('180 personen gecontacteerd');
  });

  it('lays out a printable HTML page with a chart of participants and links to the provenance of every figure', async () => {
    const html = (await fetchBytes(app, '/api/reports/2022', 'text/html')).body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).toContain('href="/api/figures/2022/projects/digimobile-2022/provenance?figure=participants"');
    expect(html).toContain('href="/api/figures/2022/projects/duo-2022/provenance?figure=outreach.people"');
  });

  it('gives one CSV row per project and figure, and the model as JSON', async () => {
    const csv = (await fetchBytes(app, '/api/reports/2022', 'text/csv')).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('année;projet;titre;chiffre;valeur');
    expect(csv).toContain('2022;digimobile-2022;DigiMobile;participants;3');
    expect(csv).toContain('2022;duo-2022;Duo Dynamique;outreach.people;180');
    const comma = (await fetchBytes(app, '/api/reports/2022?delimiter=,', 'text/csv')).body.split('\r\n');
    expect(comma).toContain('2022,duo-2022,Duo Dynamique,outreach.people,180');
    expect((await fetchBytes(app, '/api/reports/2022?delimiter=|', 'text/csv')).statusCode).toBe(400);
    const json = JSON.parse((await fetchBytes(app, '/api/reports/2022', 'application/json')).body) as {
      programme: { funded: number };
      phrases: { projects: Record<string, unknown[]> };
    };
    expect(json.programme.funded).toBe(2);
    expect(json.phrases.projects['digimobile-2022']).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: '1 date' })]),
    );
  });

  it('refuses a format it does not make, and a language it does not speak', async () => {
    await expectRefusal(app, () => app.get('/api/reports/2022', { accept: 'image/png' }), 406, /image\/png/);
    await expectRefusal(app, () => app.get('/api/reports/2022?lang=de', { accept: 'text/markdown' }), 400, /^lang: /);
  });

  it('is for coordinators and auditors; publishing is for coordinators', async () => {
    const partner = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'p' })).body
      .token as string;
    const auditor = (await app.post('/api/tokens', { role: 'auditor', label: 'a' })).body.token as string;
    await expectRefusal(
      app,
      () => app.get('/api/reports/2022', { authorization: `Bearer ${partner}` }),
      403,
      /needs the role coordinator or auditor; the token's role is partner/,
    );
    expect((await app.get('/api/reports/2022', { authorization: `Bearer ${auditor}` })).status).toBe(200);
    await expectRefusal(
      app,
      () => app.post('/api/reports/2022/publications', {}, { authorization: `Bearer ${auditor}` }),
      403,
      /needs the role coordinator; the token's role is auditor/,
    );
  });

  describe('publications', () => {
    it('regenerates a publication byte for byte after later writes, and lists what changed since', async () => {
      const before = new Map<string, string>();
      for (const format of FORMATS) before.set(format, (await fetchBytes(app, '/api/reports/2022', format)).body);
      const published = await app.post('/api/reports/2022/publications', { lang: 'fr' });
      expect(published.status).toBe(201);
      const publication = published.body.publication as {
        number: number;
        reportPosition: string;
        digests: Record<string, string>;
      };
      expect(publication).toMatchObject({ number: 1, figureDefinitions: 2, language: 'fr' });
      const stored = ['csv', 'html', 'json', 'markdown', ...(pdfAvailable() ? ['pdf'] : [])];
      expect(Object.keys(publication.digests).sort()).toEqual(stored);
      expect(published.body.publication).toMatchObject({ stored: expect.arrayContaining(stored) as unknown });

      // A late entry for 2022 and a correction, recorded after the publication.
      app.clock.set('2023-01-20T09:00:00.000Z');
      await app.post('/api/sessions', sessionBody('dm-late', { date: '2022-12-20' }));
      await app.post('/api/sessions/dm-late/attendances', { participantId: 'p-2' });
      await app.post('/api/sessions/dm-01/attendances/p-3/retraction', { reason: 'not there' });
      const latest = (await app.post('/api/participants', participantBody('p-last'))).body.position as string;
      await app.get(`/api/figures/2022?minPosition=${latest}`);

      for (const format of FORMATS) {
        const again = await fetchBytes(app, '/api/reports/2022/publications/1', format);
        expect([format, again.statusCode]).toEqual([format, 200]);
        expect([format, again.body === before.get(format)]).toEqual([format, true]);
        expect(again.headers['x-report-position']).toBe(publication.reportPosition);
        expect(again.headers['report-reproducible']).toBe('yes');
      }
      expect((await fetchBytes(app, '/api/reports/2022', 'text/markdown')).body).not.toBe(before.get('text/markdown'));

      const changes = await app.get('/api/reports/2022/publications/1/changes');
      const list = changes.body.changes as Array<{
        scope: string;
        figure: string;
        published: number;
        now: number;
        events: Array<{ type: string }>;
      }>;
      expect(list).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ scope: 'programme', figure: 'sessions', published: 1, now: 2 }),
          expect.objectContaining({ scope: 'project:digimobile-2022', figure: 'participants', published: 3, now: 2 }),
        ]),
      );
      const sessions = list.find((c) => c.scope === 'project:digimobile-2022' && c.figure === 'sessions')!;
      expect(sessions.events.map((e) => e.type)).toEqual(['SessionHeld']);
      expect(list.some((c) => c.figure === 'attendances' && c.published === c.now)).toBe(false);
    });

    it('serves the published bytes after the program changed, and says they no longer regenerate', async () => {
      const published = await app.post(
        '/api/reports/2022/publications',
        { lang: 'fr' },
        { 'idempotency-key': 'drift' },
      );
      const url = `/api/reports/2022/publications/${String(published.body.id)}`;
      const before = (await fetchBytes(app, url, 'text/markdown')).body;
      expect(before).toContain('Le projet en quelques chiffres');
      const words = fr as { inFigures: string };
      const original = words.inFigures;
      words.inFigures = 'Le projet en chiffres (nouvelle formulation) :';
      try {
        expect((await fetchBytes(app, '/api/reports/2022', 'text/markdown')).body).toContain('nouvelle formulation');
        const after = await fetchBytes(app, url, 'text/markdown');
        expect(after.statusCode).toBe(200);
        expect(after.body).toBe(before);
        expect(after.headers['report-reproducible']).toBe('no');
        expect((await fetchBytes(app, url, 'application/json')).headers['report-reproducible']).toBe('yes');
      } finally {
        words.inFigures = original;
      }
      expect((await fetchBytes(app, url, 'text/markdown')).headers['report-reproducible']).toBe('yes');
    });

    it('numbers publications in order, answers a retry 200, and 404 for one that does not exist', async () => {
      const first = await app.post('/api/reports/2022/publications', {}, { 'idempotency-key': 'publish-1' });
      const retry = await app.post('/api/reports/2022/publications', {}, { 'idempotency-key': 'publish-1' });
      const next = await app.post('/api/reports/2022/publications', {});
      expect([first.status, retry.status, next.status]).toEqual([201, 200, 201]);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.body.publication).toEqual(first.body.publication);
      expect(Number(next.body.id)).toBe(Number(first.body.id) + 1);
      expect((await app.get('/api/reports/2022/publications')).body.publications).toHaveLength(Number(next.body.id));
      await expectRefusal(
        app,
        () => app.get('/api/reports/2022/publications/99'),
        404,
        /The report of 2022 has no publication 99/,
      );
      await expectRefusal(app, () => app.get('/api/reports/2022/publications/zero'), 400, /^n: /);
    });
  });
});
