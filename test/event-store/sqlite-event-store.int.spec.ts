import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateEventIdError } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { aNewEvent } from '../support/new-event.js';
import { tempDir } from '../support/temp-dir.js';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('embedded SQLite', () => {
  const dir = tempDir();
  const store = new SqliteEventStore({ path: join(dir.path, 'events.db'), pollIntervalMs: 20 });
  return Promise.resolve({
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  });
});

describe('embedded SQLite event store', () => {
  const event = aNewEvent;

  /** What a test opened, closed and removed after it whether it passed or not. */
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const aFolder = (): string => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    return dir.path;
  };
  const open = (options: ConstructorParameters<typeof SqliteEventStore>[0]): SqliteEventStore => {
    const store = new SqliteEventStore(options);
    cleanups.push(() => store.close());
    return store;
  };

  it('refuses an event id already stored in another stream', async () => {
    const dir = aFolder();
    const store = open({ path: join(dir, 'events.db') });
    const shared = event();
    await store.appendToStream('a-1', [shared], { expectedRevision: 'no-stream' });

    await expect(store.appendToStream('b-1', [shared], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    expect(await store.readStream('b-1')).toEqual([]);
  });

  it('commits appends requested together in one transaction, each checked on its own', async () => {
    const dir = aFolder();
    const commits: number[] = [];
    const store = open({
      path: join(dir, 'events.db'),
      onCommit: (appends) => commits.push(appends),
    });

    const results = await Promise.allSettled([
      store.appendToStream('s-1', [event()], { expectedRevision: 'no-stream' }),
      store.appendToStream('s-1', [event()], { expectedRevision: 0n }),
      store.appendToStream('s-1', [event()], { expectedRevision: 0n }),
      store.appendToStream('s-2', [event()], { expectedRevision: 'no-stream' }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(commits).toEqual([4]);
  });

  it('leaves nothing of a refused append in a commit it shares with others, one event or several', async () => {
    const dir = aFolder();
    const commits: number[] = [];
    const store = open({ path: join(dir, 'events.db'), onCommit: (appends) => commits.push(appends) });
    const stored = event();
    await store.appendToStream('a-1', [stored], { expectedRevision: 'no-stream' });

    const results = await Promise.allSettled([
      store.appendToStream('b-1', [stored], { expectedRevision: 'no-stream' }),
      store.appendToStream('c-1', [event(), stored], { expectedRevision: 'no-stream' }),
      store.appendToStream('d-1', [event()], { expectedRevision: 'no-stream' }),
    ]);

    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor : r.status))).toEqual([
      DuplicateEventIdError,
      DuplicateEventIdError,
      'fulfilled',
    ]);
    expect(commits).toEqual([1, 3]);
    expect(await store.readStream('b-1')).toEqual([]);
    expect(await store.readStream('c-1')).toEqual([]);
    expect((await store.readAll({ maxCount: 10 })).map((e) => e.stream)).toEqual(['a-1', 'd-1']);
  });

  it('reopens with the settings that make an acknowledged append survive a power cut', async () => {
    const dir = aFolder();
    const path = join(dir, 'events.db');
    await open({ path }).close();
    const reopened = open({ path });
    // The store's own connection: these settings are per connection, and a reopened WAL database defaults to NORMAL.
    const db = (reopened as unknown as { db: Database.Database }).db;

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL: the WAL is fsynced at every commit
    expect(db.pragma('fullfsync', { simple: true })).toBe(1);
  });

  it('reads what another connection appended after this one last read or appended to the stream', async () => {
    const dir = aFolder();
    const path = join(dir, 'events.db');
    const ours = open({ path });
    const other = open({ path });
    await ours.appendToStream('s-1', [event()], { expectedRevision: 'no-stream' });
    expect(await ours.readStream('s-2')).toEqual([]);

    await other.appendToStream('s-1', [event()], { expectedRevision: 0n });
    await other.appendToStream('s-2', [event()], { expectedRevision: 'no-stream' });

    expect((await ours.readStream('s-1', { fromRevision: 1n })).map((e) => e.revision)).toEqual([1n]);
    expect((await ours.readStream('s-2')).map((e) => e.revision)).toEqual([0n]);
  });

  it('still reads a stream from its head after answering a retried append with its earlier result', async () => {
    const dir = aFolder();
    const store = open({ path: join(dir, 'events.db') });
    const first = event();
    await store.appendToStream('s-1', [first], { expectedRevision: 'no-stream' });
    await store.appendToStream('s-1', [event()], { expectedRevision: 0n });

    const retry = await store.appendToStream('s-1', [first], { expectedRevision: 'no-stream' });

    expect(retry.nextExpectedRevision).toBe(0n);
    expect((await store.readStream('s-1', { fromRevision: 1n })).map((e) => e.revision)).toEqual([1n]);
  });

  it('keeps acknowledged events in the file for the next process', async () => {
    const dir = aFolder();
    const path = join(dir, 'events.db');
    const store = open({ path });
    await store.appendToStream('s-1', [event(), event()], { expectedRevision: 'no-stream' });
    await store.close();

    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
