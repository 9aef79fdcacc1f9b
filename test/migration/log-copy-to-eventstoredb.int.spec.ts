import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { compareLogs } from '../../src/migration/log-comparison.js';
import { CopyFailedError, copyLog } from '../../src/migration/log-copy.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { tempDir } from '../support/temp-dir.js';

/** An event of about `bytes` bytes of data, of a command of its own. */
function sized(bytes: number, n: number): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: 'NoteTaken',
    data: { n, text: 'x'.repeat(bytes) },
    metadata: {
      recordedAt: '2023-01-15T10:00:00.000Z',
      actor: 'test',
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  };
}

/**
 * The migration's copy into EventStoreDB over gRPC, against the protocol double
 * and its MaxAppendSize of 1 MiB (the server's default): a run of 997 events of
 * one stream (1.4 MB) used to go in one append, which the server refuses.
 */
describe('copying the log into EventStoreDB (protocol double)', () => {
  const dir = tempDir();
  let source: SqliteEventStore;
  let double: EventStoreDbDouble;
  let target: EventStoreDbEventStore;

  beforeAll(async () => {
    source = new SqliteEventStore({ path: join(dir.path, 'events.db') });
    await source.appendToStream('project-a', [sized(100, 0)], { expectedRevision: 'no-stream' });
    for (let i = 0; i < 997; i += 100) {
      const batch = Array.from({ length: Math.min(100, 997 - i) }, (_, k) => sized(1400, i + k));
      await source.appendToStream('session-big', batch, { expectedRevision: i === 0 ? 'no-stream' : BigInt(i - 1) });
    }
    await source.appendToStream('project-a', [sized(100, 1)], { expectedRevision: 0n });
  });
  afterAll(async () => {
    await source.close();
    dir.remove();
  });
  beforeEach(async () => {
    double = new EventStoreDbDouble();
    await double.start();
    target = new EventStoreDbEventStore(EventStoreDBClient.connectionString(double.connectionString));
  });
  afterEach(async () => {
    await target.close();
    await double.stop();
  });

  it('splits a long run of one stream by encoded size, each append at its exact expected revision', async () => {
    const report = await copyLog(source, target);

    expect(report).toMatchObject({ copied: 999, complete: true });
    expect((await compareLogs(source, target)).differences).toEqual([]);
    const copied = double.log.stream('session-big')!;
    expect(copied.map((r) => r.revision)).toEqual(copied.map((_, i) => BigInt(i)));
  });

  it('stops at a refused append naming the stream, revision and position, and a second run finishes the copy', async () => {
    double.inject('append', { kind: 'busy' }, 1);
    const events = await source.readAll({ maxCount: 2000 });

    const failure = await copyLog(source, target).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(CopyFailedError);
    const { stream, revision, position } = failure as CopyFailedError;
    const stoppedAt = events.find((e) => e.stream === stream && e.revision === revision)!;
    expect(position).toBe(stoppedAt.position);
    expect((failure as Error).message).toContain(`${stream}@${revision} (source position ${position})`);
    const resumed = await copyLog(source, target);
    expect(resumed.complete).toBe(true);
    expect((await compareLogs(source, target)).differences).toEqual([]);
  });
});
