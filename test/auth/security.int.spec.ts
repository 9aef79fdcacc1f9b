import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import helmet from 'helmet';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import { SECURITY_HEADER_OPTIONS, staticSecurityHeaders } from '../../src/http/abuse-limits.js';
import { participantBody, projectBody, seedApprovedProject } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('security', () => {
  describe('tokens', () => {
    let app: TestApp;

    beforeEach(async () => {
      app = await startTestApp();
      await seedApprovedProject(app);
    });
    afterEach(async () => {
      await app.close();
    });

    it('shows a secret once, lists tokens without secrets, and records the token id as the actor', async () => {
      const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' });
      expect(issued.status).toBe(201);
      const { id, token } = issued.body as { id: string; token: string };
      expect(token.startsWith(`${id}.`)).toBe(true);
      expect(token.length).toBeGreaterThan(40);

      const write = await app.post('/api/participants', participantBody('p-partner'), bearer(token));
      const list = await app.get(`/api/tokens?minPosition=${String(write.body.position)}`);
      const listing = JSON.stringify(list.body);
      expect(listing).not.toContain(token.split('.')[1]);
      expect(listing).not.toMatch(/secret|hash/i);
      expect(list.body.tokens).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id, role: 'partner', mdes: ['forest'], revokedAt: null, createdBy: 'admin' }),
        ]),
      );
      const store = app.app.get<EventStore>(EVENT_STORE);
      const [registration] = await store.readStream('participant-p-partner');
      expect(registration!.metadata.actor).toBe(id);
      expect(JSON.stringify([registration!.data, registration!.metadata])).not.toContain(token.split('.')[1]);
    });

    it('refuses a revoked token from the next request on, and a revocation from another process too', async () => {
      const first = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'A' })).body as {
        id: string;
        token: string;
      };
      const second = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'B' })).body as {
        id: string;
        token: string;
      };
      expect((await app.post('/api/participants', participantBody('p-a'), bearer(first.token))).status).toBe(201);

      expect((await app.send('DELETE', `/api/tokens/${first.id}`, '', {})).status).toBe(200);
      await expectRefusal(
        app,
        () => app.post('/api/participants', participantBody('p-b'), bearer(first.token)),
        401,
        /The token is unknown or revoked/,
      );
      expect((await app.send('DELETE', `/api/tokens/${first.id}`, '', {})).status).toBe(200);

      // A second service on the same data, as the command line would be, revokes the other token.
      const other = await startTestApp({ dataDir: app.dataDir, env: { ADMIN_TOKEN: app.adminToken } });
      try {
        expect((await other.send('DELETE', `/api/tokens/${second.id}`, '', {})).status).toBe(200);
      } finally {
        await other.app.close();
      }
      await expectRefusal(
        app,
        () => app.post('/api/participants', participantBody('p-c'), bearer(second.token)),
        401,
        /The token is unknown or revoked/,
      );
    });

    it('refuses malformed token requests and unknown tokens', async () => {
      await expectRefusal(app, () => app.post('/api/tokens', { role: 'partner', label: 'no MDE' }), 400, /^mdes: /);
      const auditorWithMdes = await expectRefusal(
        app,
        () => app.post('/api/tokens', { role: 'auditor', mdes: ['forest'], label: 'x' }),
        400,
        /^mdes: /,
      );
      expect(auditorWithMdes.body.errors).toEqual([expect.objectContaining({ field: 'mdes' })]);
      const noMde = await app.post('/api/tokens', { role: 'partner', mdes: [], label: 'x' });
      expect(noMde.body.errors).toContainEqual({ field: 'mdes', message: 'mdes must name at least one MDE' });
      const notSlug = await app.post('/api/tokens', { role: 'partner', mdes: ['Forest'], label: 'x' });
      expect(notSlug.body.errors).toEqual([
        { field: 'mdes', message: 'each value in mdes must be an MDE slug (lower-case words joined by dashes)' },
      ]);
      await expectRefusal(
        app,
        () => app.send('DELETE', '/api/tokens/tok_nothere', '', {}),
        404,
        /Token tok_nothere does not exist/,
      );
      for (const [authorization, rule] of [
        ['Bearer tok_nothere.secret', /unknown or revoked/],
        ['', /A bearer token is required/],
        ['Basic YWRtaW46YWRtaW4=', /unknown or revoked/],
        ['Bearer', /unknown or revoked/],
        [`Bearer ${app.adminToken}x`, /unknown or revoked/],
      ] as const) {
        await expectRefusal(
          app,
          () => app.post('/api/participants', participantBody('p-x'), { authorization }),
          401,
          rule,
        );
      }
    });
  });

  describe('the first start', () => {
    it('generates a coordinator token when none is configured nor stored, prints it once on stderr, and stores its hash only', async () => {
      const data = tempDir();
      const printed: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = (chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      };
      try {
        // No coordinator token is known before the first start prints one: no MDE is registered first.
        const first = await startTestApp({ dataDir: data.path, env: { ADMIN_TOKEN: '' }, registerMdes: false });
        let token: string | undefined;
        try {
          token = /Coordinator token \(shown once, keep it\): (\S+)/.exec(printed.join(''))?.[1];
          expect(token).toBeDefined();
          expect((await first.get('/api/tokens', bearer(token!))).status).toBe(200);
          expect((await first.get('/api/tokens', { authorization: `Bearer ${first.adminToken}` })).status).toBe(401);
          const store = first.app.get<EventStore>(EVENT_STORE);
          const [issued] = await store.readStream('token-bootstrap');
          expect(JSON.stringify(issued!.data)).not.toContain(token!.split('.')[1]);
          expect(issued!.data).toMatchObject({
            tokenId: 'bootstrap',
            role: 'coordinator',
            secretHash: expect.any(String),
          });
        } finally {
          await first.app.close();
        }

        printed.length = 0;
        const second = await startTestApp({ dataDir: data.path, env: { ADMIN_TOKEN: '' }, registerMdes: false });
        try {
          expect(printed.join('')).not.toMatch(/Coordinator token/);
          expect((await second.get('/api/tokens', bearer(token!))).status).toBe(200);
        } finally {
          await second.app.close();
        }
      } finally {
        process.stderr.write = write;
        data.remove();
      }
    });
  });

  describe('the first start with BOOTSTRAP_TOKEN_FILE', () => {
    it('writes the token to the file, readable by its owner only, and prints it nowhere', async () => {
      const data = tempDir();
      const file = join(data.path, 'coordinator-token');
      writeFileSync(file, 'stale', { mode: 0o644 });
      const printed: string[] = [];
      const writes = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)] as const;
      process.stdout.write = process.stderr.write = (chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      };
      try {
        const app = await startTestApp({
          dataDir: data.path,
          env: { ADMIN_TOKEN: '', BOOTSTRAP_TOKEN_FILE: file },
          registerMdes: false,
        });
        try {
          const token = readFileSync(file, 'utf8').trim();
          expect(statSync(file).mode & 0o777).toBe(0o600);
          expect(printed.join('')).not.toContain(token);
          expect((await app.get('/api/tokens', bearer(token))).status).toBe(200);
        } finally {
          await app.app.close();
        }
      } finally {
        [process.stdout.write, process.stderr.write] = writes;
        data.remove();
      }
    });
  });

  describe('abuse limits', () => {
    it('answers 429 with Retry-After once a token exceeds its rate', async () => {
      const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
      try {
        const { token } = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'greedy' }))
          .body as { token: string };
        const responses = [];
        for (let i = 0; i < 5; i++)
          responses.push(await app.post('/api/participants', participantBody(`p-${i}`), bearer(token)));
        expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
        const refused = await expectRefusal(
          app,
          () => app.post('/api/participants', participantBody('p-greedy'), bearer(token)),
          429,
          /^More than 5 requests a minute; retry in \d+ s$/,
        );
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.body).toMatchObject({
          type: expect.stringMatching(/\/rate-limited$/),
          title: 'Too many requests',
        });
        expect((await app.get('/health', bearer(token))).status).toBe(200);
      } finally {
        await app.close();
      }
    });

    it('sets security headers and keeps CORS closed unless an origin is configured', async () => {
      const closed = await startTestApp();
      try {
        const response = await closed.get('/api/figures/2022', { origin: 'https://evil.example' });
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toContain("default-src 'self'");
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await closed.close();
      }

      const open = await startTestApp({ env: { CORS_ORIGINS: 'https://coordination.example' } });
      try {
        const allowed = await open.get('/api/figures/2022', { origin: 'https://coordination.example' });
        expect(allowed.headers['access-control-allow-origin']).toBe('https://coordination.example');
      } finally {
        await open.close();
      }
    });
  });

  describe('security headers', () => {
    // What helmet's own middleware sets on a response, with the service's options.
    const helmetsHeaders = (options = SECURITY_HEADER_OPTIONS): Record<string, unknown> => {
      const response = new ServerResponse(new IncomingMessage(new Socket()));
      helmet(options)(response.req, response, () => undefined);
      return response.getHeaders();
    };

    it("sends helmet's headers, each value byte for byte as its middleware sets it, on every kind of answer", async () => {
      const expected = helmetsHeaders();
      expect(Object.keys(expected)).toEqual(expect.arrayContaining(['content-security-policy', 'x-frame-options']));
      // Two a minute: the unknown route and the wrong token count against the address; the partner's third is refused.
      const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
      try {
        const { token } = (await app.post('/api/tokens', { role: 'partner', mdes: ['forest'], label: 'limited' }))
          .body as { token: string };
        const answers = {
          ok: await app.get('/api/figures/2022'),
          refused: await app.get('/api/figures/not-a-year'),
          unknown: await app.get('/api/nowhere'),
          unauthenticated: await app.get('/api/figures/2022', { authorization: 'Bearer nope' }),
          limited: await (async () => {
            for (let i = 0; i < 2; i++) await app.get('/api/figures/2022', bearer(token));
            return app.get('/api/figures/2022', bearer(token));
          })(),
        };
        expect(Object.fromEntries(Object.entries(answers).map(([kind, answer]) => [kind, answer.status]))).toEqual({
          ok: 200,
          refused: 400,
          unknown: 404,
          unauthenticated: 401,
          limited: 429,
        });
        for (const answer of Object.values(answers)) {
          for (const [name, value] of Object.entries(expected))
            expect([name, answer.headers[name]]).toEqual([name, value]);
          expect(answer.headers['x-powered-by']).toBeUndefined();
        }
      } finally {
        await app.close();
      }
    });

    it('refuses to start with helmet options whose headers vary per request', () => {
      let nonces = 0;
      const options = { contentSecurityPolicy: { directives: { scriptSrc: [() => `'nonce-${++nonces}'`] } } };
      expect(helmetsHeaders(options)['content-security-policy']).toContain("'nonce-1'");
      expect(() => staticSecurityHeaders(options)).toThrow(/vary per request/);
      expect(staticSecurityHeaders()).toEqual(helmetsHeaders());
    });
  });

  describe('no personal data', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp();
      await seedApprovedProject(app);
    });
    afterAll(async () => {
      await app.close();
    });

    it.each([
      ['a participant id that is a phone number', '/api/participants', participantBody('p-0471234567'), 'id'],
      ['a participant id that is an e-mail', '/api/participants', participantBody('marie@example.be'), 'id'],
      [
        'an attendance naming a national number',
        '/api/sessions/dm-01/attendances',
        { participantId: '85073003328' },
        'participantId',
      ],
      [
        'a narrative with an e-mail',
        '/api/projects/digimobile-2022/narrative',
        { year: 2022, text: 'Contact : jean.dupont@example.be' },
        'text',
      ],
      [
        'a cancellation reason with a phone',
        '/api/sessions/dm-01/cancellation',
        { reason: 'Appeler Marie au 0470 12 34 56' },
        'reason',
      ],
      [
        'a project title with a national number',
        '/api/projects',
        projectBody('np-1', { title: 'Suivi de 85.07.30-033.28' }),
        'title',
      ],
    ])('refuses %s, saying participants must be pseudonymous, and writes nothing', async (_case, url, body, field) => {
      const response = await expectRefusal(
        app,
        () => app.post(url, body),
        400,
        new RegExp(`${field}: .*participants must be pseudonymous`),
      );
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.stringMatching(/participants must be pseudonymous/) }),
        ]),
      );
    });

    it('refuses a participant id in the path that is a phone number', async () => {
      await expectRefusal(
        app,
        () => app.post('/api/sessions/dm-01/attendances/0471234567/retraction', { reason: 'x' }),
        400,
        /participantId: .*pseudonymous/,
      );
    });
  });
});
