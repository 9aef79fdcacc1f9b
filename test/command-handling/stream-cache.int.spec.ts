import { join } from 'node:path';
import { CommandExecutor } from '../../src/command-handling/command-executor.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import type { ReadStreamOptions } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { participantDecider } from '../../src/participants/participant.decider.js';
import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { participantStream } from '../../src/shared/domain/ids.js';
import { FixedClock } from '../support/fixed-clock.js';
import { tempDir } from '../support/temp-dir.js';

/** The executor keeps 10,000 streams' folded states; the ones it drops are the least recently loaded. */
describe("the command executor's cache of folded streams", () => {
  const dirs: (() => void)[] = [];
  afterAll(() => dirs.forEach((remove) => remove()));

  /**
   * An executor over a store where three participants are registered (one
   * event each), and the revision each read of their streams started from: 1
   * when the state was cached, 0 when it had to be folded from the start.
   */
  async function registered() {
    const dir = tempDir();
    dirs.push(dir.remove);
    const store = new SqliteEventStore({ path: join(dir.path, 'events.db') });
    const executor = new CommandExecutor(store, new FixedClock(new Date('2023-01-05T10:00:00Z')), new EventSchemas());
    const named = ['hot', 'recent', 'cold'];
    for (const participantId of named) {
      await executor.execute(
        participantStream(participantId),
        participantDecider,
        { type: 'RegisterParticipant', data: { participantId, role: 'job-seeker', registeredJobSeeker: true } },
        { actor: 'admin', access: FULL_ACCESS },
      );
    }
    const readFrom = new Map<string, bigint[]>();
    const readStream = store.readStream.bind(store);
    store.readStream = (stream: string, options?: ReadStreamOptions) => {
      readFrom.set(stream, [...(readFrom.get(stream) ?? []), options?.fromRevision ?? 0n]);
      return readStream(stream, options);
    };
    const load = (participantId: string) => executor.state(participantStream(participantId), participantDecider);
    const readsOf = (participantId: string) => readFrom.get(participantStream(participantId)) ?? [];
    return { store, load, readsOf };
  }

  it('keeps a stream loaded often and one loaded a few thousand loads ago; drops one not loaded in over 10,000', async () => {
    const { store, load, readsOf } = await registered();
    await load('cold');
    for (let other = 0; other < 12_000; other++) {
      if (other === 5_000) await load('recent');
      if (other % 100 === 0) await load('hot');
      // Streams nobody wrote to: each loaded once, each a new entry of the cache.
      await load(`absent-${other}`);
    }
    await load('hot');
    await load('recent');
    await load('cold');

    expect(readsOf('hot').every((revision) => revision === 1n)).toBe(true);
    expect(readsOf('hot')).toHaveLength(121);
    expect(readsOf('recent')).toEqual([1n, 1n]);
    // Loaded once, then 12,000 other streams: dropped, folded again from its first event.
    expect(readsOf('cold')).toEqual([1n, 0n]);
    expect((await load('cold')).status).toBe('registered');
    await store.close();
  });
});
