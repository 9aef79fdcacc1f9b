import { jest } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { ReadCapacity } from '../../src/projections/read-capacity.js';
import { PdfRenderer } from '../../src/reports/renderers/pdf.renderer.js';
import { seedApprovedProject } from '../support/api-fixtures.js';
import { describeWithChromium } from '../support/chromium.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** One auditor keeping many expensive reads in flight (issue 19, point 1). */
describe('expensive reads under one careless token', () => {
  let app: TestApp;
  let auditor: string;

  const get = (url: string, accept = 'application/json', token = auditor): Promise<LightMyRequestResponse> =>
    app.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { accept, authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    app = await startTestApp({ today: '2023-01-10' });
    await seedApprovedProject(app);
    auditor = (await app.post('/api/tokens', { role: 'auditor', label: 'a' })).body.token as string;
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 503 with Retry-After beyond a few replays in flight for one token; others still get in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => get('/api/figures/2022/provenance?figure=participants&atPosition=2')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(4);
    const busy = answers.filter((answer) => answer.statusCode === 503);
    expect(busy.length).toBeGreaterThanOrEqual(8);
    expect(busy[0]!.headers['retry-after']).toBe('2');
    expect(busy[0]!.json()).toMatchObject({ type: expect.stringMatching(/reads-busy$/) as unknown, status: 503 });
    expect(
      (await get('/api/figures/2022/provenance?figure=participants', 'application/json', app.adminToken)).statusCode,
    ).toBe(200);
    expect((await get('/api/figures/2022/provenance?figure=participants')).statusCode).toBe(200);
  });

  describeWithChromium('PDF (Debian Chromium)', () => {
    let printing = 0;
    let most = 0;
    let prints = 0;

    beforeAll(() => {
      const pdf = app.app.get(PdfRenderer);
      const render = pdf.render.bind(pdf);
      jest.spyOn(pdf, 'render').mockImplementation(async (...args) => {
        prints++;
        most = Math.max(most, ++printing);
        try {
          return await render(...args);
        } finally {
          printing--;
        }
      });
    });

    it('prints the same report once for 40 requests at the same position, and caches it', async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, () => get('/api/reports/2022', 'application/pdf')));
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(40).fill(200));
      expect(new Set(answers.map((answer) => answer.headers['content-digest'])).size).toBe(1);
      expect(prints).toBe(1);
      expect((await get('/api/reports/2022', 'application/pdf')).statusCode).toBe(200);
      expect(prints).toBe(1);
    }, 60_000);

    it('prints one PDF at a time, keeps a short queue and answers 503 with Retry-After beyond', async () => {
      const capacity = app.app.get(ReadCapacity);
      expect(capacity).toBeDefined();
      const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
      const answers = await Promise.all(
        years.map((year, i) => get(`/api/reports/${year}`, 'application/pdf', i % 2 === 0 ? auditor : app.adminToken)),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      expect(most).toBe(1);
      expect(statuses.filter((status) => status === 200).length).toBe(4);
      expect(statuses.filter((status) => status === 503).length).toBe(4);
      expect(answers.find((answer) => answer.statusCode === 503)!.headers['retry-after']).toBe('2');
    }, 60_000);
  });
});
