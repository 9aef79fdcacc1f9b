import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { HEADERS_TIMEOUT_MS } from '../../src/app/http-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Clients that do not speak HTTP well, on a real socket against 127.0.0.1:
 * what Node's parser refuses is answered as problem details, and slow or
 * surplus connections are closed instead of held. Bounded: 60 sockets, 20 s.
 */
describe('slow and malformed clients', () => {
  const MAX_CONNECTIONS = 40;
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await startTestApp({ env: { MAX_CONNECTIONS: String(MAX_CONNECTIONS) } });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  /** Sends `raw`, and resolves with what came back once the server closed the connection. */
  function exchange(raw: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.write(raw);
    });
  }

  const statusAndType = (answer: string) => ({
    status: /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1],
    type: /content-type: ([^\r]+)/i.exec(answer)?.[1],
    body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>,
  });

  it('answers a request Node cannot parse with 400 problem details', async () => {
    const answer = statusAndType(await exchange('GET /health HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n'));
    expect(answer).toMatchObject({ status: '400', type: 'application/problem+json', body: { status: 400 } });
  });

  it('answers headers past 16 KiB with 431 problem details', async () => {
    const answer = statusAndType(
      await exchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer).toMatchObject({ status: '431', type: 'application/problem+json', body: { status: 431 } });
  });

  it('closes connections beyond the cap at once, and those sending partial headers after the headers timeout', async () => {
    const opened: { socket: Socket; closedAfter?: number }[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from(
        { length: MAX_CONNECTIONS + 20 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => {
              socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
              resolve();
            });
            const entry: { socket: Socket; closedAfter?: number } = { socket };
            socket.on('error', () => undefined);
            // Read what the server sends (its 408), or the socket never sees the end and never closes.
            socket.resume();
            socket.on('close', () => (entry.closedAfter = performance.now() - started));
            opened.push(entry);
          }),
      ),
    );
    const closed = () => opened.filter((entry) => entry.closedAfter !== undefined).length;
    try {
      // Those beyond the cap at once: long before the headers timeout, however busy the machine.
      await waitFor(() => closed() >= 20, {
        timeout: HEADERS_TIMEOUT_MS / 2,
        what: 'the 20 connections beyond the cap to be closed',
      });
      // The others once the headers timeout has passed (Node checks every second).
      await waitFor(() => closed() === opened.length, {
        timeout: HEADERS_TIMEOUT_MS + 4000 - (performance.now() - started),
        what: 'the connections sending partial headers to be closed',
      });
    } finally {
      for (const entry of opened) entry.socket.destroy();
    }

    const answer = await exchange('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  }, 20_000);
});
