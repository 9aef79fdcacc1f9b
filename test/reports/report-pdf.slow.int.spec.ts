import { participantBody } from '../support/api-fixtures.js';
import { describeWithChromium } from '../support/chromium.js';
import { pdfText } from '../support/pdf-text.js';
import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { fetchBytes, startReportApp } from './report-programme.js';

/** The report printed by a browser: slow (Chromium starts for it), hence in the slow suite. */
describe('the annual report in PDF', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startReportApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describeWithChromium('PDF (Debian Chromium; skipped where /usr/bin/chromium is missing)', () => {
    it('prints the report to PDF with the same text, and reprints a publication byte for byte', async () => {
      const pdf = await fetchBytes(app, '/api/reports/2022', 'application/pdf');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Au total, 2 projets ont été financés en 2022.');
      expect(text).toContain('Le projet en quelques chiffres :');

      const published = await app.post('/api/reports/2022/publications', { lang: 'nl' });
      const url = `/api/reports/2022/publications/${String(published.body.id)}`;
      const first = await fetchBytes(app, url, 'application/pdf');
      const printedBy = Math.floor(Date.now() / 1000);
      await app.post('/api/participants', participantBody('p-pdf'));
      // Chromium stamps the second it prints: the reprint must come in a later second.
      await waitFor(() => Math.floor(Date.now() / 1000) > printedBy, { what: 'the next second' });
      const second = await fetchBytes(app, url, 'application/pdf');
      expect(first.rawPayload.equals(second.rawPayload)).toBe(true);
      expect(pdfText(second.rawPayload)).toContain('In totaal werden 2 projecten gefinancierd in 2022.');
    }, 60_000);
  });
});
