import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PdfRenderer } from '../../src/reports/renderers/pdf.renderer.js';
import { describeWithChromium } from '../support/chromium.js';
import { pdfText } from '../support/pdf-text.js';

/** Issue 19, point 11: what reaches the printer, by an escaping bug or otherwise, fetches nothing. */
describeWithChromium('the PDF printer, behind its network barrier (Debian Chromium)', () => {
  let listener: Server;
  const requests: string[] = [];
  let base: string;

  beforeAll(async () => {
    listener = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => listener.close(resolve));
  });

  it('prints a page that names local addresses without requesting any of them', async () => {
    const printer = new PdfRenderer();
    try {
      const hostile = [
        `<link rel="stylesheet" href="${base}/style.css">`,
        `<style>@import url("${base}/import.css"); body { background: url("${base}/background.png"); }</style>`,
        `<p>Un titre <img src="${base}/img.png"> <img src="x" onerror="fetch('${base}/onerror')"></p>`,
        `<script src="${base}/script.js"></script><script>fetch('${base}/inline')</script>`,
        `<iframe src="${base}/frame"></iframe><object data="${base}/object"></object>`,
        `<video poster="${base}/poster.png"></video><link rel="prefetch" href="${base}/prefetch">`,
      ].join('\n');
      const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>t</title></head><body><h1>Bilan</h1>${hostile}</body></html>`;
      const pdf = await printer.render(html, new Date('2023-01-10T10:00:00Z'));
      expect(pdfText(pdf)).toContain('Bilan');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests).toEqual([]);
    } finally {
      await printer.onApplicationShutdown();
    }
  }, 60_000);
});
