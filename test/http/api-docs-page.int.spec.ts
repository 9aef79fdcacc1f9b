import { startTestApp, type TestApp } from '../support/test-app.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('the OpenAPI page, over plain HTTP on any host', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is served with a policy that does not move its scripts to https', async () => {
    const page = await app.send('GET', '/api/docs', '', { host: 'indicators.example.org:3000' });

    expect(page.status).toBe(200);
    const policy = directives(page.headers['content-security-policy']);
    // A browser given upgrade-insecure-requests over http fetches the page's scripts over https: a blank page.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toContain("'self'");
  });

  it('loads its scripts and styles from the service itself, with no inline script', async () => {
    const page = await app.send('GET', '/api/docs', '', {});
    expect(String(page.body.text)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const sources = [...String(page.body.text).matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source).not.toMatch(/^(https?:)?\/\//);
      const asset = await app.send('GET', new URL(source, 'http://x/api/docs/').pathname, '', {});
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
    }
  });
});
