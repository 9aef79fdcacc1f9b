import { connect, type Socket } from 'node:net';
import { participantBody, projectBody, recordAll } from '../support/api-fixtures.js';
import { startServiceWithToken, type ApiClient } from '../support/api-client.js';
import { clientKeyOf, readCheckpoints, readEventLog } from '../support/event-log.js';
import type { ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { mdeRegistrations } from '../support/mdes.js';
import { waitFor } from '../support/wait-for.js';

type Outcome = { readonly status: number; readonly contentType: string | undefined } | { readonly error: string };

/**
 * SIGTERM to the built service: it stops taking requests, finishes those in
 * flight, lets the projections reach the head of the log, closes the store and
 * exits 0; a restart resumes the projections from their checkpoints.
 */
describe('graceful shutdown on SIGTERM', () => {
  let data: ReturnType<typeof tempDir>;
  let env: { DATA_DIR: string };
  let service: ServiceProcess;
  let api: ApiClient;

  /** A keyed registration on a connection of its own, as many separate clients send them. */
  const register = (key: string): Promise<Outcome> =>
    api.postOnNewConnection('/api/participants', participantBody(key), { 'idempotency-key': key }).then(
      ({ status, contentType }) => ({ status, contentType }),
      (error: NodeJS.ErrnoException) => ({ error: error.code ?? error.message }),
    );
  const eventsOf = (key: string) =>
    readEventLog(data.path).filter((event) => clientKeyOf(event.metadata.commandId) === key);
  const exitCode = () =>
    new Promise<number | null>((resolve) =>
      service.child.exitCode !== null ? resolve(service.child.exitCode) : service.child.once('exit', resolve),
    );
  const metric = async (name: string): Promise<number> => {
    const text = String((await api.get('/metrics')).body.text);
    return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  };

  /** Each test stops a service of its own, on data of its own. */
  beforeEach(async () => {
    data = tempDir('indicators-shutdown-');
    env = { DATA_DIR: data.path };
    ({ service, api } = await startServiceWithToken(env));
    await recordAll(
      (path, body) => api.post(path, body),
      [
        ...mdeRegistrations(),
        ['/api/projects', projectBody()],
        ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
      ],
    );
  });

  afterEach(async () => {
    try {
      await service.kill('SIGKILL'); // the services a test started before this one are killed after the file (jest-setup.ts)
    } finally {
      data.remove();
    }
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
    await waitFor(() => signalled, { interval: 1, what: 'the 10th answer' });
    // Sent right after SIGTERM: each may be answered, refused 503 or find the port closed, never half-done.
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
    await recordAll(
      (path, body) => api.post(path, body),
      [0, 1, 2, 3].map((i) => ['/api/participants', participantBody(`before-restart-${i}`)] as const),
    );
    expect(await service.stop()).toBe(0);
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
  });

  /**
   * A keep-alive connection written to byte by byte. In flight when SIGTERM
   * comes: a query waiting (5 s) for a position not reached, and a command
   * pipelined behind it, already written (it does not wait for the query's answer).
   */
  async function openConnectionInFlight() {
    const socket: Socket = connect(Number(new URL(service.url).port), '127.0.0.1');
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
    send('POST', '/api/participants', 'in-flight', participantBody('in-flight'));
    await waitFor(() => eventsOf('in-flight').length === 1, { what: 'the pipelined command to be written' });
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
    const connection = await openConnectionInFlight();
    const signalledAt = Date.now();
    service.child.kill('SIGTERM');

    expect(await exitCode()).toBe(0);
    // The behaviour under test is not waiting out the 72 s keep-alive: a stop takes a few seconds
    // (the query's 5 s wait at most), and 45 s leaves a loaded machine ample margin below 72 s.
    expect(Date.now() - signalledAt).toBeLessThan(45_000);
    expect(await connection.statuses()).toEqual([503, 201]);
    expect(eventsOf('in-flight')).toHaveLength(1);
  }, 90_000);

  it('answers 503 problem details to a request that arrives on an open connection while it stops, and writes nothing', async () => {
    const connection = await openConnectionInFlight();
    service.child.kill('SIGTERM');
    // Stopping once it refuses new connections: the open one is still being answered.
    await waitFor(() => refusesConnections(new URL(service.url)), { what: 'the service to close its port' });
    connection.send('POST', '/api/participants', 'too-late', participantBody('too-late'));

    expect(await exitCode()).toBe(0);
    expect(await connection.statuses()).toEqual([503, 201, 503]);
    expect(connection.answers()).toMatch(/"type":"https:\/\/indicators\.example\/problems\/stopping"/);
    expect(connection.answers()).toMatch(/retry-after: 5/);
    expect(eventsOf('too-late')).toEqual([]);
  });
});

/** Whether a new TCP connection to the service is refused. */
function refusesConnections(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(Number(url.port), url.hostname);
    probe.once('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.once('error', () => resolve(true));
  });
}
