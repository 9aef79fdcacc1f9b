import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectBody, recordAll } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';

const HOST = '127.0.0.1:3000';
const OWN_ORIGIN = `http://${HOST}`;
const local = (id: string, mde: string) => projectBody(id, { mdes: [mde], kind: 'local', theme: undefined });

/** A browser's request: the cookie and no Authorization header. */
const browser = (cookie: string, extra: Record<string, string> = {}) => ({
  authorization: '',
  host: HOST,
  cookie: `theme=dark; ${cookie}`,
  ...extra,
});

const setCookieOf = (answer: TestResponse): string => {
  const header = answer.headers['set-cookie'];
  return String(Array.isArray(header) ? header[0] : header);
};
/** The `name=value` pair of a Set-Cookie, as a browser sends it back. */
const cookiePair = (answer: TestResponse): string => setCookieOf(answer).split(';')[0]!;

describe('browser sessions', () => {
  let app: TestApp;
  let partner: { id: string; token: string };

  const signIn = async (token: string, headers: Record<string, string> = {}) =>
    app.post('/api/session', { token }, { authorization: '', host: HOST, ...headers });
  const signedIn = async (token: string): Promise<string> => {
    const answer = await signIn(token);
    expect(answer.status).toBe(204);
    return cookiePair(answer);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await recordAll(app.post, [
      ['/api/projects', local('forest-2022', 'forest')],
      ['/api/projects/forest-2022/decision', { decision: 'approved' }],
      ['/api/projects', local('ixelles-2022', 'ixelles')],
    ]);
    partner = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' })).body as {
      id: string;
      token: string;
    };
  });

  afterAll(async () => {
    await app.close();
  });

  it('exchanges a token for a random session cookie, HttpOnly, SameSite=Strict, for the whole site', async () => {
    const answer = await signIn(partner.token);

    expect(answer.status).toBe(204);
    const attributes = setCookieOf(answer).split('; ');
    const [name, id] = attributes[0]!.split('=');
    expect(name).toBe('indicators_session');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookieOf(answer)).not.toContain(partner.token.split('.')[1]);
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=86400', 'Path=/', 'SameSite=Strict']);
    expect(await signedIn(partner.token)).not.toBe(attributes[0]);
  });

  it('stores only a hash of the session id', async () => {
    const id = (await signedIn(partner.token)).split('=')[1]!;
    const db = new Database(join(app.dataDir, 'sessions.db'), { readonly: true });
    try {
      const hashes = db.prepare('SELECT id_hash FROM browser_sessions').pluck().all();
      expect(hashes).toContain(createHash('sha256').update(id).digest('hex'));
      expect(JSON.stringify(db.prepare('SELECT * FROM browser_sessions').all())).not.toContain(id);
    } finally {
      db.close();
    }
    expect(readFileSync(join(app.dataDir, 'sessions.db')).includes(id)).toBe(false);
  });

  it('says who is signed in, and until when', async () => {
    const cookie = await signedIn(partner.token);
    const answer = await app.get('/api/session', browser(cookie));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      role: 'partner',
      mdes: ['forest'],
      label: 'MDE Forest',
      expiresAt: '2023-01-15T18:00:00.000Z',
    });
    // Signed in by bearer token, there is no session to end.
    expect((await app.get('/api/session')).body).toEqual({
      role: 'coordinator',
      mdes: [],
      label: 'ADMIN_TOKEN',
      expiresAt: null,
    });
  });

  it('authenticates every route a bearer token does, with the same scope', async () => {
    const cookie = await signedIn(partner.token);
    expect((await app.get('/api/projects/forest-2022', browser(cookie))).status).toBe(200);
    expect((await app.get('/api/figures/2022/projects/forest-2022', browser(cookie))).status).toBe(200);
    await expectRefusal(
      app,
      () => app.get('/api/projects/ixelles-2022', browser(cookie)),
      403,
      /outside this token's scope/,
    );
    await expectRefusal(app, () => app.get('/api/tokens', browser(cookie)), 403, /needs the role coordinator/);
  });

  it("accepts a change from the service's own pages, by Origin or else by Sec-Fetch-Site", async () => {
    const cookie = await signedIn(partner.token);
    const byOrigin = await app.post(
      '/api/sessions',
      { id: 'own-origin', projectId: 'forest-2022', date: '2022-07-18', kind: 'workshop' },
      browser(cookie, { origin: OWN_ORIGIN }),
    );
    expect(byOrigin.status).toBe(201);
    const byFetchSite = await app.post(
      '/api/sessions',
      { id: 'own-fetch-site', projectId: 'forest-2022', date: '2022-07-18', kind: 'workshop' },
      browser(cookie, { 'sec-fetch-site': 'same-origin' }),
    );
    expect(byFetchSite.status).toBe(201);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['the same host on another scheme', { origin: `https://${HOST}` }],
    ['another site by Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling site by Sec-Fetch-Site', { 'sec-fetch-site': 'same-site' }],
    ['neither header', {}],
    ['an own Sec-Fetch-Site but a foreign Origin', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
  ])('refuses a change signed in by cookie from %s, and writes nothing', async (_case, headers) => {
    const cookie = await signedIn(partner.token);
    const body = { id: 'csrf', projectId: 'forest-2022', date: '2022-07-18', kind: 'workshop' };
    await expectRefusal(app, () => app.post('/api/sessions', body, browser(cookie, headers)), 403, /own pages/);
    await expectRefusal(app, () => app.send('DELETE', '/api/session', '', browser(cookie, headers)), 403, /own pages/);
    // Reads stay open to the cookie: they change nothing.
    expect((await app.get('/api/session', browser(cookie, headers))).status).toBe(200);
  });

  it('leaves Authorization: Bearer unchanged, whatever the origin', async () => {
    const answer = await app.post(
      '/api/sessions',
      { id: 'by-bearer', projectId: 'forest-2022', date: '2022-07-18', kind: 'workshop' },
      { authorization: `Bearer ${partner.token}`, origin: 'https://script.example' },
    );
    expect(answer.status).toBe(201);
  });

  it('refuses a wrong token (401) and sets no cookie', async () => {
    for (const token of ['nope', `${partner.id}.wrong-secret`, `${app.adminToken}x`]) {
      const answer = await expectRefusal(app, () => signIn(token), 401, /unknown or revoked/);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    const missing = await expectRefusal(app, () => app.post('/api/session', {}, { authorization: '' }), 400, /token/);
    expect((missing.body.errors as Array<{ field: string }>).map((error) => error.field)).toContain('token');
  });

  it('refuses a sign-in sent from another site', async () => {
    await expectRefusal(app, () => signIn(partner.token, { origin: 'https://evil.example' }), 403, /own pages/);
  });

  it('ends the session on sign-out and clears the cookie', async () => {
    const cookie = await signedIn(partner.token);
    const answer = await app.send('DELETE', '/api/session', '', browser(cookie, { origin: OWN_ORIGIN }));

    expect(answer.status).toBe(204);
    expect(setCookieOf(answer)).toMatch(/^indicators_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    await expectRefusal(app, () => app.get('/api/session', browser(cookie)), 401, /session has ended or expired/);
  });

  it("ends a token's sessions at once when it is revoked", async () => {
    const issued = (await app.post('/api/tokens', { role: 'auditor', label: 'Audit' })).body as {
      id: string;
      token: string;
    };
    const cookies = [await signedIn(issued.token), await signedIn(issued.token)];
    expect((await app.get('/api/figures/2022', browser(cookies[0]!))).status).toBe(200);

    expect((await app.send('DELETE', `/api/tokens/${issued.id}`, '', {})).status).toBe(200);

    for (const cookie of cookies)
      await expectRefusal(app, () => app.get('/api/figures/2022', browser(cookie)), 401, /session has ended/);
    await expectRefusal(app, () => signIn(issued.token), 401, /unknown or revoked/);
  });

  it('expires after 8 hours without use, and after 24 hours in all', async () => {
    app.clock.set('2023-01-16T00:00:00.000Z');
    const idle = await signedIn(partner.token);
    const used = await signedIn(partner.token);
    for (const hour of ['07', '14', '21']) {
      app.clock.set(`2023-01-16T${hour}:00:00.000Z`);
      expect((await app.get('/api/session', browser(used))).body.expiresAt).toBe(
        hour === '21'
          ? '2023-01-17T00:00:00.000Z'
          : new Date(Date.parse(`2023-01-16T${hour}:00:00Z`) + 8 * 3600_000).toISOString(),
      );
    }
    await expectRefusal(app, () => app.get('/api/session', browser(idle)), 401, /ended or expired/);
    app.clock.set('2023-01-17T00:00:00.000Z');
    await expectRefusal(app, () => app.get('/api/session', browser(used)), 401, /ended or expired/);
  });
});

describe('browser sessions across restarts and proxies', () => {
  it('keeps a session across a restart of the service', async () => {
    const dir = tempDir();
    try {
      const env = { ADMIN_TOKEN: 'admin-restart-test' };
      const first = await startTestApp({ dataDir: dir.path, env });
      let cookie: string;
      try {
        cookie = cookiePair(await first.post('/api/session', { token: env.ADMIN_TOKEN }, { authorization: '' }));
      } finally {
        await first.close();
      }
      const second = await startTestApp({ dataDir: dir.path, env, registerMdes: false });
      try {
        expect((await second.get('/api/session', browser(cookie))).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const answer = await app.post(
        '/api/session',
        { token: app.adminToken },
        { authorization: '', 'x-forwarded-proto': 'https', host: 'indicateurs.example' },
      );
      expect(setCookieOf(answer).split('; ')).toContain('Secure');
      const cookie = cookiePair(answer);
      const write = (origin: string) =>
        app.post(
          '/api/mdes',
          { id: 'nowhere', name: { fr: 'Nulle-part', nl: 'Nergens' } },
          {
            ...browser(cookie, { origin, 'x-forwarded-proto': 'https' }),
            host: 'indicateurs.example',
          },
        );
      expect((await write('https://indicateurs.example')).status).toBe(201);
      await expectRefusal(app, () => write('http://indicateurs.example'), 403, /own pages/);
    } finally {
      await app.close();
    }
  });

  it("counts wrong tokens against the address's rate limit", async () => {
    const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' }, registerMdes: false });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++)
        statuses.push((await app.post('/api/session', { token: `guess-${attempt}` }, { authorization: '' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});
