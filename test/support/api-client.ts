import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { startService, type ServiceProcess } from './service-process.js';
import type { TestApp, TestResponse } from './test-app.js';

/**
 * Every test that talks to the service starts it with a random coordinator
 * token (ADMIN_TOKEN) and sends it on every /api request, so that it keeps
 * working once bearer-token security is enforced.
 */
export const randomToken = (): string => randomBytes(24).toString('base64url');

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export interface ApiAnswer {
  readonly status: number;
  /** The JSON body, or `{ text }` when the body is not JSON. */
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

/** An answer as read off the wire. */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** An HTTP client of the service that authenticates every request. */
export class ApiClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<ApiAnswer> {
    return this.send('POST', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers }, signal);
  }

  /**
   * A POST on a connection of its own (no keep-alive pool), as separate
   * clients send them, or a client that retries after a timeout. Rejects with
   * the socket error (its `code`) when no answer comes.
   */
  postOnNewConnection(path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const url = new URL(path, this.url);
      const outgoing = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent: false,
          headers: {
            ...bearer(this.token),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...headers,
          },
        },
        (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode!, contentType: incoming.headers['content-type'], body: text }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    return this.send('GET', path, undefined, headers);
  }

  async send(
    method: string,
    path: string,
    payload: string | undefined,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<ApiAnswer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...bearer(this.token), ...headers },
      ...(payload === undefined ? {} : { body: payload }),
      ...(signal ? { signal } : {}),
    });
    const text = await response.text();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    return { status: response.status, body, headers: response.headers };
  }
}

/** The built service as a child process, started with a coordinator token, and a client that sends it. */
export async function startServiceWithToken(
  env: Record<string, string>,
  options: { token?: string; port?: number; user?: { uid: number; gid: number } } = {},
): Promise<{ service: ServiceProcess; api: ApiClient }> {
  const token = options.token ?? randomToken();
  const service = await startService({ ...env, ADMIN_TOKEN: token }, options.port, options.user);
  return { service, api: new ApiClient(service.url, token) };
}

/** The in-process test app, with the token on every request. */
export function authorizedRequests(app: TestApp, token: string) {
  return {
    post: (url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
      app.post(url, body, { ...bearer(token), ...headers }),
    get: (url: string, headers: Record<string, string> = {}): Promise<TestResponse> =>
      app.get(url, { ...bearer(token), ...headers }),
    send: (method: 'GET' | 'POST', url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
      app.send(method, url, payload, { ...bearer(token), ...headers }),
  };
}
