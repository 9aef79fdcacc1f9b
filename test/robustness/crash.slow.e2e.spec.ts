import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandDataset, type DemoCommand, type DemoDataset } from '../../src/demo/demo-dataset.js';
import { ApiClient, randomToken } from '../support/api-client.js';
import { runCli } from '../support/cli-process.js';
import { clientKeyOf, readCheckpoints, readEventLog, streamsWithGaps, type LoggedEvent } from '../support/event-log.js';
import { seedFrom, seededRandom } from '../support/seeded-random.js';
import { ROOT, freePort, startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The crash test: the demo data set (5200 commands: its 19 MDEs, then the programme) is posted over HTTP by
 * clients that retry until they are answered, while the service is killed
 * with SIGKILL at random moments and restarted. Whatever was acknowledged
 * must be in the log exactly once, and the read models must equal a rebuild.
 *
 * The moments are drawn from a seed printed at the start: CRASH_TEST_SEED=<seed>
 * replays the same plan (which commands carry a key, when each kill falls).
 */
const KILLS = 12;
const CLIENTS = 16;
/** A quarter of the commands are sent without Idempotency-Key: their client-chosen ids alone must make a retry harmless. */
const KEYED_SHARE = 0.75;
const GIVE_UP_AFTER_MS = 60_000;

interface Delivery {
  readonly command: DemoCommand;
  readonly key: string | undefined;
  attempts: number;
  answer?: { readonly status: number; readonly position: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const keyOf = (command: DemoCommand): string =>
  `crash-${createHash('sha256')
    .update(`${command.path} ${JSON.stringify(command.body)}`)
    .digest('hex')
    .slice(0, 40)}`;

/** The stream a command writes to: the id in its path, or the id in its body for a creation. */
function targetStream({ path, body }: DemoCommand): string {
  const [, , resource, id] = path.split('/');
  const category = { projects: 'project', sessions: 'session', participants: 'participant', mdes: 'mde' }[resource!];
  return `${category}-${id ?? String(body.id)}`;
}

/** Whether the event records this command's fact: every field the command sent, under the same name. */
function recordsCommand(event: LoggedEvent, command: DemoCommand): boolean {
  return (
    event.stream === targetStream(command) &&
    Object.entries(command.body)
      .filter(([field]) => field !== 'id' && field !== 'decision')
      .every(([field, value]) => JSON.stringify(event.data[field]) === JSON.stringify(value))
  );
}

describe('crash test: SIGKILL at random moments while clients post and retry', () => {
  const data = tempDir('indicators-crash-');
  const seed = seedFrom('CRASH_TEST_SEED');
  const random = seededRandom(seed);
  const dataset = JSON.parse(readFileSync(join(ROOT, 'demo/programme-2022.json'), 'utf8')) as DemoDataset;
  const deliveries: Delivery[] = expandDataset(dataset).map((command) => ({
    command,
    key: random.chance(KEYED_SHARE) ? keyOf(command) : undefined,
    attempts: 0,
  }));
  /** Kills spread over the stream: the i-th falls at a random point of the i-th slice of it, a few ms after. */
  const plan = Array.from({ length: KILLS }, (_, i) => ({
    afterAcknowledged: Math.floor(deliveries.length * (0.05 + (0.85 * (i + random.next())) / KILLS)),
    delayMs: random.int(0, 30),
  }));
  const kills: Array<{ readonly acknowledged: number; readonly inFlight: number }> = [];
  const refused: string[] = [];
  const env = { DATA_DIR: data.path, ADMIN_TOKEN: randomToken() };
  let service: ServiceProcess | undefined;
  let acknowledged = 0;
  let inFlight = 0;
  let stopped = false;
  let driven = false;
  let lastStopCode: number | null = null;
  let events: LoggedEvent[] = [];
  let figures: { digimobile: Record<string, unknown>; programme: Record<string, unknown> };

  async function deliver(delivery: Delivery, api: ApiClient): Promise<void> {
    const started = Date.now();
    const headers = delivery.key === undefined ? {} : { 'idempotency-key': delivery.key };
    while (!stopped) {
      delivery.attempts++;
      inFlight++;
      try {
        const { status, body } = await api.post(
          delivery.command.path,
          delivery.command.body,
          headers,
          AbortSignal.timeout(15_000),
        );
        if (status === 200 || status === 201) {
          delivery.answer = { status, position: Number(body.position) };
          acknowledged++;
          return;
        }
        if (status !== 503) {
          refused.push(`${delivery.command.path} answered ${status}: ${JSON.stringify(body)}`);
          return;
        }
      } catch {
        // The service died under the request, or is not listening yet: the client sends it again.
      } finally {
        inFlight--;
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        refused.push(`${delivery.command.path} was not answered within ${GIVE_UP_AFTER_MS} ms`);
        return;
      }
      await sleep(Math.min(10 * delivery.attempts, 200));
    }
  }

  async function drive(api: ApiClient): Promise<void> {
    const phases = [...new Set(deliveries.map((d) => d.command.phase))].sort((a, b) => a - b);
    for (const phase of phases) {
      const queue = deliveries.filter((d) => d.command.phase === phase);
      let next = 0;
      const client = async (): Promise<void> => {
        while (next < queue.length && !stopped) await deliver(queue[next++]!, api);
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
    }
  }

  async function killAndRestart(port: number): Promise<void> {
    kills.push({ acknowledged, inFlight });
    await service!.kill('SIGKILL');
    service = await startService(env, port);
  }

  async function killAtRandomMoments(port: number): Promise<void> {
    for (const step of plan) {
      await waitFor(() => acknowledged >= step.afterAcknowledged || driven, {
        timeout: GIVE_UP_AFTER_MS,
        interval: 2,
        what: `${step.afterAcknowledged} acknowledged commands`,
      });
      if (driven) return;
      await sleep(step.delayMs);
      await killAndRestart(port);
    }
  }

  async function projectionsCaughtUp(api: ApiClient): Promise<void> {
    await waitFor(
      async () => {
        const { body } = await api.get('/health');
        const projections = body.projections as { position: string; head: string | null };
        return projections.head !== null && projections.position === projections.head;
      },
      { timeout: 60_000, interval: 50, what: 'the projections to catch up with the log' },
    );
  }

  beforeAll(async () => {
    const startedAt = performance.now();
    const port = await freePort();
    service = await startService(env, port);
    const api = new ApiClient(service.url, env.ADMIN_TOKEN);
    try {
      const driving = drive(api).finally(() => (driven = true));
      await Promise.all([driving, killAtRandomMoments(port)]);
    } finally {
      stopped = true;
    }
    // One more kill right after the last answer, while the projections are still applying the tail of the log.
    await killAndRestart(port);
    await projectionsCaughtUp(api);
    const position = Math.max(...deliveries.map((d) => d.answer?.position ?? 0));
    figures = {
      digimobile: (await api.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${position}`)).body,
      programme: (await api.get(`/api/figures/2022?minPosition=${position}`)).body,
    };
    lastStopCode = await service.stop();
    events = readEventLog(data.path);
    const retries = deliveries.reduce((sum, d) => sum + d.attempts - 1, 0);
    console.log(
      `Crash test (CRASH_TEST_SEED=${seed}): ${acknowledged} of ${deliveries.length} commands acknowledged, ` +
        `${kills.length} SIGKILLs survived, ${retries} retries, ${events.length} events in the log, ` +
        `${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  }, 240_000);

  afterAll(async () => {
    stopped = true;
    await service?.kill('SIGKILL');
    data.remove();
  });

  it(`survives ${KILLS + 1} SIGKILLs, ${KILLS} of them while commands are in flight`, () => {
    expect(kills).toHaveLength(KILLS + 1);
    expect(kills.slice(0, KILLS).every((kill) => kill.acknowledged < deliveries.length)).toBe(true);
    expect(kills.filter((kill) => kill.inFlight > 0).length).toBeGreaterThanOrEqual(KILLS - 2);
  });

  it('answers every command 201 or 200 in the end, refusing none', () => {
    expect(refused).toEqual([]);
    expect(deliveries.filter((d) => d.answer === undefined)).toEqual([]);
    expect(deliveries.filter((d) => d.attempts > 1).length).toBeGreaterThan(0);
  });

  it('keeps every acknowledged command in the log exactly once, at the position it answered', () => {
    const byPosition = new Map(events.map((event) => [event.position, event]));
    const claimed = new Map<number, string>();
    const misplaced: string[] = [];
    for (const { command, answer } of deliveries) {
      const event = byPosition.get(answer!.position);
      if (!event || !recordsCommand(event, command)) {
        misplaced.push(`${command.path} ${JSON.stringify(command.body)} answered ${answer!.position}`);
      }
      if (claimed.has(answer!.position)) misplaced.push(`${command.path} shares ${answer!.position}`);
      claimed.set(answer!.position, command.path);
    }
    expect(misplaced).toEqual([]);
    expect(events).toHaveLength(deliveries.length);
  });

  it('writes no second event for a retried command', () => {
    const keyed = deliveries.filter((d) => d.key !== undefined);
    const commandIds = events.map((event) => event.metadata.commandId);
    const byCommandId = new Map(events.map((event) => [clientKeyOf(event.metadata.commandId), event]));
    expect(new Set(commandIds).size).toBe(events.length);
    expect(keyed.filter((d) => byCommandId.get(d.key!)?.position !== d.answer!.position)).toEqual([]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("keeps every stream's revisions contiguous", () => {
    expect(streamsWithGaps(events)).toEqual([]);
  });

  it('serves the figures of the report, with no retry counted twice', () => {
    expect(figures.digimobile).toMatchObject({ sessions: 19, participants: 252 });
    expect(figures.programme).toMatchObject({ projects: { submitted: { count: 50 }, approved: { count: 28 } } });
  });

  it('stops cleanly after the last restart, its projections checkpointed at the head of the log', () => {
    expect(lastStopCode).toBe(0);
    const head = events[events.length - 1]!.position;
    expect(new Set(readCheckpoints(data.path).values())).toEqual(new Set([head]));
  });

  it('keeps read models equal to a rebuild from position 0, and the hash chain intact (indicators verify)', async () => {
    const verify = await runCli(['verify'], env);
    expect(verify.output).toMatch(/^OK read models equal a rebuild from position 0/m);
    expect(verify.output).toMatch(/^OK hash chain verified over \d+ events/m);
    expect(verify.code).toBe(0);
  }, 60_000);
});
