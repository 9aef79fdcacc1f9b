import { connect } from 'node:net';
import { participantBody, projectBody, recordAll } from '../support/api-fixtures.js';
import { startServiceWithToken, type ApiClient } from '../support/api-client.js';
import { readCheckpoints, readEventLog } from '../support/event-log.js';
import type { ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

type Outcome = { readonly status: number; readonly contentType: string | undefined } | { readonly error: string };

/**
 * SIGTERM to the built service: it stops taking requests, finishes those in
 * flight, lets the projections reach the head of the log, closes the store and
 * exits 0; a restart resumes the projections from their checkpoints.
 */
describe('graceful shutdown on SIGTERM', () => {
  const data = tempDir('indicators-shutdown-');
  const env = { DATA_DIR: data.path };
  let service: ServiceProcess;
  let api: ApiClient;

  /** A keyed registration on a connection of its own, as many separate clients send them. */
  const register = (key: string): Promise<Outcome> =>
    api.postOnNewConnection('/api/participants', participantBody(key), { 'idempotency-key': key }).then(
      ({ status, contentType }) => ({ status, contentType }),
      (error: NodeJS.ErrnoException) => ({ error: error.code ?? error.message }),
    );
  const eventsOf = (key: string) => readEventLog(data.path).filter((event) => event.metadata.commandId === key);
  const exitCode = () =>
    new Promise<number | null>((resolve) =>
      service.child.exitCode !== null ? resolve(service.child.exitCode) : service.child.once('exit', resolve),
    );
  const metric = async (name: string): Promise<number> => {
    const text = String((await api.get('/metrics')).body.text);
    return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  };

  beforeAll(async () => {
    ({ service, api } = await startServiceWithToken(env));
    await recordAll(
      (path, body) => api.post(path, body),
      [
        ['/api/projects', projectBody()],
        ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
      ],
    );
  }, 30_000);

  afterAll(async () => {
    await service.kill('SIGKILL');
    data.remove();
  });

  it('finishes the commands in flight, writes none it does not answer, and exits 0 with the projections at the head of the log', async () => {
    // SIGTERM from the callback of the 10th answer: the other 140 are still in flight then.
    let answered = 0;
    let signalled = false;
    const burst = Array.from({ length: 150 }, (_, i) =>
      register(`burst-${i}`).then((outcome) => {
        const afterSignal = signalled;
        if (++answered === 10) {
          service.child.kill('SIGTERM');
          signalled = true;
        }
        return { ...outcome, afterSignal };
      }),
    );
    while (!signalled) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = Array.from({ length: 20 }, (_, i) => register(`late-${i}`));

    const answeredBurst = await Promise.all(burst);
    const outcomes: Outcome[] = [...answeredBurst, ...(await Promise.all(late))];
    expect(await exitCode()).toBe(0);

    const keys = [...burst.map((_, i) => `burst-${i}`), ...late.map((_, i) => `late-${i}`)];
    const unexpected = outcomes.flatMap((outcome, i) => {
      const written = eventsOf(keys[i]!).length;
      if ('error' in outcome) return written === 0 ? [] : [`${keys[i]} wrote but lost its answer (${outcome.error})`];
      if (outcome.status === 201) return written === 1 ? [] : [`${keys[i]} answered 201 and wrote ${written}`];
      if (outcome.status === 503 && /problem\+json/.test(outcome.contentType ?? '') && written === 0) return [];
      return [`${keys[i]} answered ${outcome.status} (${outcome.contentType}) and wrote ${written}`];
    });
    expect(unexpected).toEqual([]);
    const finishedAfterSignal = answeredBurst.filter((outcome) => outcome.afterSignal && 'status' in outcome);
    expect(
      finishedAfterSignal.filter((outcome) => 'status' in outcome && outcome.status === 201).length,
    ).toBeGreaterThan(0);

    const head = readEventLog(data.path).at(-1)!.position;
    expect(new Set(readCheckpoints(data.path).values())).toEqual(new Set([head]));
  }, 60_000);

  it('resumes the projections from their checkpoints on restart, applying only what is new', async () => {
    ({ service, api } = await startServiceWithToken(env));
    expect(await metric('projection_events_total')).toBe(0);

    await recordAll(
      (path, body) => api.post(path, body),
      [1, 2, 3].map((i) => ['/api/participants', participantBody(`after-restart-${i}`)] as const),
    );
    const head = readEventLog(data.path).at(-1)!.position;
    const project = await api.get(`/api/projects/digimobile-2022?minPosition=${head}`);

    expect(project.status).toBe(200);
    expect(await metric('projection_events_total')).toBe(3);
  }, 30_000);

  /**
   * A keep-alive connection written to byte by byte. In flight when SIGTERM
   * comes: a query waiting (5 s) for a position not reached, and a command
   * pipelined behind it.
   */
  async function openConnectionInFlight() {
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    let answers = '';
    socket.on('data', (chunk: Buffer) => (answers += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const send = (method: string, path: string, key?: string, body?: unknown) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const headers = [
        `${method} ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        `Authorization: Bearer ${api.token}`,
        ...(key ? [`Idempotency-Key: ${key}`, 'Content-Type: application/json'] : []),
        `Content-Length: ${Buffer.byteLength(payload)}`,
      ];
      socket.write(`${headers.join('\r\n')}\r\n\r\n${payload}`);
    };
    send('GET', '/api/figures/2022?minPosition=999999');
    send(
      'POST',
      '/api/participants',
      `in-flight-${service.child.pid}`,
      participantBody(`in-flight-${service.child.pid}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      send,
      /** The status of each answer, once the connection is closed. */
      statuses: async () => {
        await closed;
        return [...answers.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
      },
      answers: () => answers,
    };
  }

  it('answers what was in flight on a keep-alive connection, then closes it instead of waiting out keep-alive (72 s)', async () => {
    const key = `in-flight-${service.child.pid}`;
    const connection = await openConnectionInFlight();
    const signalledAt = Date.now();
    service.child.kill('SIGTERM');

    expect(await exitCode()).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(15_000);
    expect(await connection.statuses()).toEqual([503, 201]);
    expect(eventsOf(key)).toHaveLength(1);
  }, 30_000);

  it('answers 503 problem details to a request that arrives on an open connection while it stops, and writes nothing', async () => {
    ({ service, api } = await startServiceWithToken(env));
    const connection = await openConnectionInFlight();
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    connection.send('POST', '/api/participants', 'too-late', participantBody('too-late'));

    expect(await exitCode()).toBe(0);
    expect(await connection.statuses()).toEqual([503, 201, 503]);
    expect(connection.answers()).toMatch(/"type":"https:\/\/indicators\.example\/problems\/stopping"/);
    expect(connection.answers()).toMatch(/retry-after: 5/);
    expect(eventsOf('too-late')).toEqual([]);
  }, 30_000);
});
