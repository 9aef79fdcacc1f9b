import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { createHttpApp } from '../../src/app/http-app.js';
import { EVENT_STORE, type EventStore, type LogPosition } from '../../src/event-store/event-store.port.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { FixedClock } from './fixed-clock.js';
import { registerMdes } from './mdes.js';
import { tempDir } from './temp-dir.js';

export interface TestResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: LightMyRequestResponse['headers'];
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** The ADMIN_TOKEN the app was started with; sent by default on every request. */
  readonly adminToken: string;
  readonly clock: FixedClock;
  readonly dataDir: string;
  get(url: string, headers?: Record<string, string>): Promise<TestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** A raw request, for bodies that are not JSON (or not even UTF-8). */
  send(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload: string | Buffer,
    headers: Record<string, string>,
  ): Promise<TestResponse>;
  /** The position of the last event in the log (null when it is empty). */
  head(): Promise<LogPosition | null>;
  close(): Promise<void>;
}

/** The real application on a temporary SQLite file, driven in-process (no socket). */
export async function startTestApp(
  options: {
    today?: string;
    env?: Record<string, string>;
    dataDir?: string;
    logger?: Logger;
    /** Register the demo's MDEs first (the default): projects and tokens name only registered MDEs. */
    registerMdes?: boolean;
  } = {},
): Promise<TestApp> {
  const dir = options.dataDir ? { path: options.dataDir, remove: () => undefined } : tempDir();
  const adminToken = options.env?.ADMIN_TOKEN ?? `admin-${randomUUID()}`;
  const config = new AppConfig({ DATA_DIR: dir.path, LOG_LEVEL: 'silent', ADMIN_TOKEN: adminToken, ...options.env });
  const clock = new FixedClock(new Date(`${options.today ?? '2023-01-15'}T10:00:00.000Z`));
  const app = await createHttpApp({ config, clock, logger: options.logger ?? createLogger('silent') });
  const fastify = app.getHttpAdapter().getInstance();

  async function send(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload: string | Buffer | undefined,
    headers: Record<string, string>,
  ) {
    const allHeaders = { authorization: `Bearer ${adminToken}`, ...headers };
    const response = await fastify.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: allHeaders,
    });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(response.body) as Record<string, unknown>;
    } catch {
      body = { text: response.body };
    }
    return { status: response.statusCode, body, headers: response.headers };
  }

  const post = (url: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    send('POST', url, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  if (options.registerMdes ?? true) await registerMdes(post);

  return {
    app,
    adminToken,
    clock,
    dataDir: dir.path,
    get: (url, headers = {}) => send('GET', url, undefined, headers),
    post,
    send,
    head: () => app.get<EventStore>(EVENT_STORE).headPosition(),
    close: async () => {
      await app.close();
      dir.remove();
    },
  };
}
