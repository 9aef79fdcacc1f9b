import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/app/http-app.js';
import { tokenBanner } from '../../src/auth/token-banner.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { FixedClock } from '../support/fixed-clock.js';
import { tempDir } from '../support/temp-dir.js';

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request logs carry the correlation id', () => {
  const dir = tempDir();
  const log = capture();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = new AppConfig({ DATA_DIR: dir.path, LOG_LEVEL: 'debug', ADMIN_TOKEN: 'admin-token-for-logs' });
    const logger = createLogger('debug', { stream: log.stream, isTerminal: false });
    app = await createHttpApp({ config, clock: new FixedClock(new Date('2023-01-15T10:00:00Z')), logger });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  const get = (headers: Record<string, string>) =>
    app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/figures/2022', headers });

  it("takes the caller's id, echoes it, and logs the request under it", async () => {
    const response = await get({
      authorization: 'Bearer admin-token-for-logs',
      'x-correlation-id': 'import-2022-07.42',
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-correlation-id']).toBe('import-2022-07.42');
    const lines = log
      .text()
      .split('\n')
      .filter((line) => line.includes('import-2022-07.42'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ correlationId: 'import-2022-07.42', url: '/api/figures/2022', status: 200 }),
    );
  });

  it('makes one when the request has none, or one not fit for a log', async () => {
    const none = await get({ authorization: 'Bearer admin-token-for-logs' });
    const unfit = await get({ authorization: 'Bearer admin-token-for-logs', 'x-correlation-id': 'a b\u001b[31m' });
    const unauthenticated = await get({});

    expect(none.headers['x-correlation-id']).toMatch(UUID);
    expect(unfit.headers['x-correlation-id']).toMatch(UUID);
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['x-correlation-id']).toMatch(UUID);
    expect(log.text()).toContain(`"correlationId":"${String(none.headers['x-correlation-id'])}"`);
  });
});

describe('the log output', () => {
  it('is one JSON object a line for a collector', () => {
    const out = capture();
    createLogger('info', { stream: out.stream, isTerminal: false }).info({ dataDir: './data' }, 'Serving');

    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'Serving', dataDir: './data' });
  });

  it('is a readable line on a terminal', () => {
    const out = capture();
    createLogger('info', { stream: out.stream, isTerminal: true }).info({ dataDir: './data' }, 'Serving');

    expect(out.text()).toMatch(/INFO.*Serving/);
    expect(out.text()).toContain('dataDir: "./data"');
    expect(() => JSON.parse(out.text()) as unknown).toThrow();
  });
});

describe('the first-start token', () => {
  it('is framed apart from the log lines, alone after its label', () => {
    const printed = tokenBanner('bootstrap.s3cret');
    const lines = printed.split('\n');
    const at = lines.indexOf('Coordinator token (shown once, keep it): bootstrap.s3cret');

    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toMatch(/^=+$/);
    expect(lines[at + 1]).toMatch(/^=+$/);
    expect(lines[at - 2]).toBe('');
    expect(lines[at + 2]).toBe('');
  });
});
