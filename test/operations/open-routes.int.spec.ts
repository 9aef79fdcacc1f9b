import { jest } from '@jest/globals';
import { Authenticator } from '../../src/auth/authenticator.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { randomToken } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NO_TOKEN = { authorization: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('open routes: health, metrics, unmatched', () => {
  describe('liveness and readiness', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp()));
    afterAll(() => app.close());

    it('answers liveness without asking the store, readiness and /health after asking it', async () => {
      const ping = jest.spyOn(app.app.get<EventStore>(EVENT_STORE), 'ping');
      const live = await app.get('/health/live', NO_TOKEN);
      expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(ping).not.toHaveBeenCalled();

      expect(await app.get('/health/ready', NO_TOKEN)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await app.get('/health', NO_TOKEN)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(ping).toHaveBeenCalledTimes(2);
      ping.mockRestore();
    });

    it('says the store is down without its internal error text', async () => {
      const store = app.app.get<EventStore>(EVENT_STORE);
      const ping = jest.spyOn(store, 'ping').mockRejectedValue(new Error('SQLITE_IOERR: /srv/data/events.db secret'));
      for (const path of ['/health', '/health/ready']) {
        const answer = await app.get(path, NO_TOKEN);
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ status: 'unavailable', eventStore: { status: 'down' } });
        expect(JSON.stringify(answer.body)).not.toMatch(/SQLITE|events\.db|secret/);
      }
      expect((await app.get('/health/live', NO_TOKEN)).status).toBe(200);
      ping.mockRestore();
    });
  });

  describe('metrics', () => {
    it('need a token of any role, unless METRICS_PUBLIC=true', async () => {
      const closed = await startTestApp();
      const refused = await closed.get('/metrics', NO_TOKEN);
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await closed.get('/metrics', bearer(randomToken()))).status).toBe(401);
      expect((await closed.get('/metrics')).status).toBe(200);
      await closed.close();

      const open = await startTestApp({ env: { METRICS_PUBLIC: 'true' } });
      const answered = await open.get('/metrics', NO_TOKEN);
      expect(answered.status).toBe(200);
      expect(String(answered.body.text)).toMatch(/http_requests_total/);
      await open.close();
    });
  });

  describe('with the address bucket exhausted', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } })));
    afterAll(() => app.close());

    it('looks no token up for open and unmatched routes, and rate-limits them by address', async () => {
      const authenticate = jest.spyOn(app.app.get(Authenticator), 'authenticate');
      const first = [];
      for (let i = 0; i < 5; i++) first.push((await app.get('/api/nope', NO_TOKEN)).status);
      expect(first).toEqual([404, 404, 404, 404, 404]);

      const statuses = new Map<string, number[]>();
      for (const path of ['/api/nope', '/health', '/health/live', '/nope']) {
        const answers = [];
        for (let i = 0; i < 50; i++) answers.push((await app.get(path, bearer(randomToken()))).status);
        statuses.set(path, [...new Set(answers)]);
      }
      expect(Object.fromEntries(statuses)).toEqual({
        '/api/nope': [429],
        '/health': [429],
        '/health/live': [429],
        '/nope': [429],
      });
      expect(authenticate).not.toHaveBeenCalled();

      // A route that needs a token still reads it, and a valid token has its own bucket.
      expect((await app.get('/api/figures/2022')).status).toBe(200);
      expect(authenticate).toHaveBeenCalledTimes(1);
      authenticate.mockRestore();
    });
  });

  describe('behind a reverse proxy (TRUST_PROXY)', () => {
    const from = (address: string) => ({ ...NO_TOKEN, 'x-forwarded-for': address });
    const exhaust = async (app: TestApp, address: string) => {
      for (let i = 0; i < 3; i++) await app.get('/health/live', from(address));
    };

    it('gives each forwarded address its own bucket when the proxy is trusted', async () => {
      const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' } });
      await exhaust(app, '203.0.113.1');
      expect((await app.get('/health/live', from('203.0.113.1'))).status).toBe(429);
      expect((await app.get('/health/live', from('203.0.113.2'))).status).toBe(200);
      await app.close();
    });

    it('counts every caller as the proxy when it is not', async () => {
      const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
      await exhaust(app, '203.0.113.1');
      expect((await app.get('/health/live', from('203.0.113.2'))).status).toBe(429);
      await app.close();
    });
  });
});
