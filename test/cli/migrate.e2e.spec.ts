import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { runCli } from '../support/cli-process.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { anEventOfItsOwnCommand } from '../support/new-event.js';
import { tempDir } from '../support/temp-dir.js';

/** The built command line, as an operator runs it. */
const cli = (args: string[], env: Record<string, string>) => runCli(args, { LOG_LEVEL: 'silent', ...env }, 30_000);

describe('indicators migrate', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses a target that is not an EventStoreDB connection string, and exits non-zero', async () => {
    const result = await cli(['migrate', '--to', 'http://localhost:2113'], { DATA_DIR: dir.path });

    expect(result.code).toBe(2);
    expect(result.output).toContain('--to is not an EventStoreDB connection string (http://localhost:2113)');
  });

  it('says which option it needs', async () => {
    const result = await cli(['migrate'], { DATA_DIR: dir.path });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain("required option '--to <connection string>' not specified");
  });

  describe('into EventStoreDB over gRPC (protocol double)', () => {
    const data = tempDir();
    /** Three events of their own commands; the second one 10 kB. */
    beforeAll(async () => {
      const source = new SqliteEventStore({ path: join(data.path, 'events.db') });
      const event = (text: string) => ({ ...anEventOfItsOwnCommand(), data: { text } });
      await source.appendToStream('session-a', [event('first')], { expectedRevision: 'no-stream' });
      await source.appendToStream('session-b', [event('x'.repeat(10_000))], { expectedRevision: 'no-stream' });
      await source.appendToStream('session-a', [event('third')], { expectedRevision: 0n });
      await source.close();
    });
    afterAll(() => data.remove());

    it('copies, verifies counts and digests on both sides, says so and exits 0', async () => {
      const double = new EventStoreDbDouble();
      try {
        const result = await cli(['migrate', '--to', await double.start()], { DATA_DIR: data.path });

        expect(result.output).toContain('Copied 3 events to esdb://127.0.0.1:');
        expect(result.output).toContain(
          'OK 3 events in the embedded store, 3 in EventStoreDB, 2 streams; every stream has the same events and digest',
        );
        expect(result.code).toBe(0);
      } finally {
        await double.stop();
      }
    });

    it('exits non-zero naming the stream and position where the server refused an append', async () => {
      const double = new EventStoreDbDouble({ maxAppendSize: 8 * 1024 });
      try {
        const result = await cli(['migrate', '--to', await double.start()], { DATA_DIR: data.path });

        expect(result.output).toMatch(
          /FAILED The copy stopped at session-b@0 \(source position \d+\), after 1 events copied by this run: .*Maximum Append Size of 8192 Exceeded/,
        );
        expect(result.output).not.toContain('OK ');
        expect(result.code).toBe(1);
        expect(double.log.stream('session-a')).toHaveLength(1);
      } finally {
        await double.stop();
      }
    });
  });
});
