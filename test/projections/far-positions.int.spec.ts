import { pino } from 'pino';
import { MIN_POSITION_WAIT_MS } from '../../src/projections/consistency.js';
import { seedApprovedProject } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A position no event can ever have is a wrong request, refused at once: it
 * must not park the request for the whole wait, nor fail in the store.
 */
describe('positions beyond what the log holds', () => {
  const lines: Record<string, unknown>[] = [];
  let app: TestApp;

  beforeAll(async () => {
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    app = await startTestApp({ logger });
    await seedApprovedProject(app);
  });
  afterAll(() => app.close());

  /**
   * "At once": well short of the wait a reachable position gets, which is what a refusal must not
   * take; the margin is for a busy machine, not a speed target.
   */
  const AT_ONCE_MS = MIN_POSITION_WAIT_MS / 2;

  const quickly = async (url: string) => {
    const started = performance.now();
    const response = await app.get(url);
    return { ...response, ms: performance.now() - started };
  };

  it.each([
    ['minPosition', '/api/figures/2022/projects/digimobile-2022?minPosition=18446744073709551615'],
    ['minPosition', '/api/projects/digimobile-2022?minPosition=9223372036854775808'],
    ['after', '/api/events?after=9223372036854775808'],
    ['after', '/api/events?after=18446744073709551615'],
  ])('refuses a %s the embedded store can never reach (2^63 and beyond) with 400 at once', async (field, url) => {
    const response = await quickly(url);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(response.ms).toBeLessThan(AT_ONCE_MS);
  });

  it('refuses an atPosition beyond the head of the log with 400 at once', async () => {
    const head = BigInt((await app.get('/api/audit/ledger')).body.position as string);
    const response = await quickly(`/api/figures/2022?atPosition=${head + 1n}`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'atPosition' })]);
    expect(response.ms).toBeLessThan(AT_ONCE_MS);
    expect((await app.get(`/api/figures/2022?atPosition=${head}`)).status).toBe(200);
  });

  it('still reads the events after the head (none) and waits for a position that may come', async () => {
    const events = await app.get('/api/events?after=9223372036854775807');
    expect(events.status).toBe(200);
    expect(events.body.events).toEqual([]);

    lines.length = 0;
    const waited = await quickly('/api/figures/2022?minPosition=1000000');
    expect(waited.status).toBe(503);
    // It waited out the whole wait before its 503 (less a second: timers are not exact).
    expect(waited.ms).toBeGreaterThan(MIN_POSITION_WAIT_MS - 1000);
    // A wait that times out is foreseen: one warning, without a stack.
    expect(lines).toEqual([expect.objectContaining({ level: 40 })]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|"err"/);
  }, 15_000);
});
