import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { startService } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The built service on EventStoreDB, over gRPC against the protocol double.
 * Each /health call used to leave a read open in the client, which it then
 * waited for, forever, on SIGTERM (1,000 calls, in-process: the slow suite).
 */
describe('the service on EventStoreDB (protocol double)', () => {
  const dir = tempDir();
  const double = new EventStoreDbDouble();
  afterAll(async () => {
    await double.stop();
    dir.remove();
  });

  it('stops within its usual time on SIGTERM after 200 /health calls, exiting 0', async () => {
    const service = await startService({
      DATA_DIR: dir.path,
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: await double.start(),
      LOG_LEVEL: 'info',
    });
    for (let i = 0; i < 200; i++) {
      const health = await fetch(`${service.url}/health`);
      expect(health.status).toBe(200);
    }

    const started = Date.now();
    const code = await service.stop();

    expect(code).toBe(0);
    // The usual time: a graceful stop on the embedded store takes a second or two.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(service.output()).toContain('SIGTERM received: stopping');
    // Not a process that ran out of work with the store still closing: the stop completed.
    expect(service.output()).toContain('Stopped: requests answered, projections checkpointed, stores closed');
  }, 90_000);
});
