import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  EventStoreUnavailableError,
  type EventStore,
  type StoredEvent,
} from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { TargetDivergedError } from '../../src/migration/copy-resume-point.js';
import { compareLogs } from '../../src/migration/log-comparison.js';
import { CopyFailedError, copyLog } from '../../src/migration/log-copy.js';
import { appendAll } from '../support/log-builder.js';
import { aNewEvent } from '../support/new-event.js';
import * as e from '../support/programme-events.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The migration's copying logic, embedded store to embedded store through the
 * same port the EventStoreDB adapter implements.
 */
describe('copying the log into another store', () => {
  const dir = tempDir();
  let source: SqliteEventStore;
  let sourceEvents: StoredEvent[];
  const opened: SqliteEventStore[] = [];

  const newTarget = (): SqliteEventStore => {
    const store = new SqliteEventStore({ path: join(dir.path, `target-${randomUUID()}.db`) });
    opened.push(store);
    return store;
  };

  /** What a store holds, as the migration must keep it: everything but the positions. */
  const content = async (store: EventStore) =>
    (await store.readAll({ maxCount: 10_000 })).map(({ position: _position, ...event }) => event);

  /** The target as a server that goes away after some appends. */
  function goingAwayAfter(store: EventStore, appends: number): EventStore {
    let left = appends;
    return new Proxy(store, {
      get(target, property) {
        if (property === 'appendToStream') {
          return (...args: Parameters<EventStore['appendToStream']>) =>
            left-- > 0
              ? target.appendToStream(...args)
              : Promise.reject(new EventStoreUnavailableError('EventStoreDB cannot append: 14 UNAVAILABLE'));
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  beforeAll(async () => {
    source = new SqliteEventStore({ path: join(dir.path, 'events.db') });
    await appendAll(source, [
      e.submitted('dm'),
      e.approved('dm'),
      e.registered('p1'),
      e.registered('p2', 'citizen', false),
      e.held('s1', 'dm', '2022-07-18'),
      e.attended('s1', 'p1'),
      e.attended('s1', 'p2'),
      e.outreach('dm', 'o1', 'people', 180),
      e.cancelled('s1'),
    ]);
    // A command that wrote two events in one append.
    await source.appendToStream('session-s2', [aNewEvent(), aNewEvent()], { expectedRevision: 'no-stream' });
    sourceEvents = await source.readAll({ maxCount: 10_000 });
  });
  afterAll(async () => {
    for (const store of [source, ...opened]) await store.close();
    dir.remove();
  });

  it('copies every event in global order, with its id, type, data, metadata and revision', async () => {
    const target = newTarget();

    const report = await copyLog(source, target, { pageSize: 4 });

    expect(report).toEqual({ resumedAfter: undefined, copied: sourceEvents.length, complete: true });
    expect(await content(target)).toEqual(await content(source));
    const comparison = await compareLogs(source, target);
    expect(comparison).toMatchObject({ sourceEvents: 11, targetEvents: 11, differences: [] });
    expect(comparison.streams).toBe(5);
  });

  it('resumes after the target went away mid-way, writing no event twice', async () => {
    const target = newTarget();
    const failure = await copyLog(source, goingAwayAfter(target, 4), { pageSize: 3 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CopyFailedError);
    expect((failure as Error).cause).toBeInstanceOf(EventStoreUnavailableError);
    const before = (await target.readAll()).length;
    const interrupted = await compareLogs(source, target);

    const resumed = await copyLog(source, target, { pageSize: 3 });

    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(sourceEvents.length);
    expect(interrupted.differences.length).toBeGreaterThan(0);
    expect(resumed.resumedAfter).toBe(sourceEvents[before - 1]!.position);
    expect(resumed.copied).toBe(sourceEvents.length - before);
    expect(await content(target)).toEqual(await content(source));
    expect((await compareLogs(source, target)).differences).toEqual([]);
  });

  it('stops between two appends when told to, and a second run finishes the copy', async () => {
    const target = newTarget();
    const stop = new AbortController();

    const first = await copyLog(source, target, {
      signal: stop.signal,
      onProgress: ({ copied }) => copied >= 3 && stop.abort(),
    });
    const second = await copyLog(source, target);

    expect(first).toMatchObject({ complete: false, copied: 3 });
    expect(second).toMatchObject({ complete: true, copied: sourceEvents.length - 3 });
    expect(await content(target)).toEqual(await content(source));
  });

  it('copies nothing when run again on a complete copy', async () => {
    const target = newTarget();
    await copyLog(source, target);

    const again = await copyLog(source, target);

    expect(again).toEqual({ resumedAfter: sourceEvents[sourceEvents.length - 1]!.position, copied: 0, complete: true });
    expect((await target.readAll()).length).toBe(sourceEvents.length);
  });

  it('refuses a target that holds another event where a source event belongs', async () => {
    const target = newTarget();
    await target.appendToStream(sourceEvents[0]!.stream, [aNewEvent()], { expectedRevision: 'no-stream' });

    await expect(copyLog(source, target)).rejects.toThrow(TargetDivergedError);
  });

  it('names the streams whose count or content differ between the two logs', async () => {
    const target = newTarget();
    await copyLog(source, target);
    await target.appendToStream('participant-p1', [aNewEvent()], { expectedRevision: 'any' });
    await target.appendToStream('elsewhere-1', [aNewEvent()], { expectedRevision: 'no-stream' });

    const comparison = await compareLogs(source, target);

    expect(comparison.sourceEvents).toBe(11);
    expect(comparison.targetEvents).toBe(13);
    expect(comparison.differences.map((d) => [d.stream, d.source?.events ?? null, d.target?.events ?? null])).toEqual([
      ['elsewhere-1', null, 1],
      ['participant-p1', 1, 2],
    ]);
  });
});
