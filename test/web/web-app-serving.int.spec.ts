import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_CSP, WEB_APP_DIR } from '../../src/http/web-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Runs on the built app (npm test builds first): dist/web. */
describe('the web app served at /', () => {
  let app: TestApp;
  const script = readdirSync(join(WEB_APP_DIR, 'assets')).find((name) => name.endsWith('.js'));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each(['/', '/projects/digimobile-2022', '/sessions/dm-01/attendances', '/index.html'])(
    'answers the page at %s, never cached, under a policy that allows only its own scripts',
    async (url) => {
      const answer = await app.get(url, { authorization: '' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toBe(WEB_APP_CSP);
      expect(String(answer.body.text)).toContain('<div id="root"></div>');
    },
  );

  it('allows no inline or foreign script on the page', () => {
    const scriptSrc = WEB_APP_CSP.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });

  it('caches the hashed assets for good', async () => {
    expect(script).toMatch(/-[\w-]{8}\.js$/);
    const answer = await app.get(`/assets/${script}`, { authorization: '' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy the browser accepts, Brotli first', async () => {
    const brotli = await app.get(`/assets/${script}`, { authorization: '', 'accept-encoding': 'br, gzip' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    const gzip = await app.get(`/assets/${script}`, { authorization: '', 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown asset 404, not the page', async () => {
    const answer = await app.get('/assets/nothing-12345678.js', { authorization: '' });
    expect(answer.status).toBe(404);
  });

  it.each(['/api/nothing', '/api', '/health/nothing', '/metrics/x'])(
    'leaves the service its own paths: %s stays a 404 problem',
    async (url) => {
      const answer = await app.get(url);
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    },
  );

  it('keeps the API, the health check and the OpenAPI page as they were', async () => {
    expect((await app.get('/health')).status).toBe(200);
    expect((await app.get('/api/projects/nothing')).status).toBe(404);
    const docs = await app.get('/api/docs', { authorization: '' });
    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';");
  });
});
