import { randomUUID } from 'node:crypto';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '../../src/event-store/event-store.port.js';
import { waitFor } from '../support/wait-for.js';

export interface ContractSubject {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

/**
 * The behaviour every event store adapter must have. Stream names are unique per
 * test, so the suite can also run against a shared server that already holds events.
 */
export function describeEventStoreContract(adapter: string, open: () => Promise<ContractSubject>): void {
  describe(`event store contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    const uniqueStream = (category = 'contract'): string => `${category}-${randomUUID()}`;
    const anEvent = (type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
      id: randomUUID(),
      type,
      data,
      metadata: {
        recordedAt: '2022-07-18T10:00:00.000Z',
        actor: 'contract-test',
        commandId: randomUUID(),
        correlationId: 'corr-1',
        causationId: 'cause-1',
        schemaVersion: 1,
      },
    });

    /** Collects events until `count` have come; `seen`, when given, shows them as they come. */
    async function collect(
      iterable: AsyncIterable<readonly StoredEvent[]>,
      count: number,
      seen: StoredEvent[] = [],
    ): Promise<StoredEvent[]> {
      for await (const batch of iterable) {
        seen.push(...batch);
        if (seen.length >= count) break;
      }
      return seen;
    }

    it('reads back what it appended, with data, metadata, revisions and positions', async () => {
      const stream = uniqueStream();
      const first = anEvent('SessionHeld', { date: '2022-07-18', nested: { a: [1, 'x'] }, text: 'é – ✓' });
      const second = anEvent('SessionCancelled', { reason: 'rain' });

      const result = await store.appendToStream(stream, [first, second], { expectedRevision: 'no-stream' });
      const events = await store.readStream(stream);

      expect(result.nextExpectedRevision).toBe(1n);
      expect(events.map((e) => [e.id, e.type, e.revision, e.stream])).toEqual([
        [first.id, 'SessionHeld', 0n, stream],
        [second.id, 'SessionCancelled', 1n, stream],
      ]);
      expect(events[0]!.data).toEqual(first.data);
      expect(events[1]!.metadata).toEqual(second.metadata);
      expect(typeof events[0]!.position).toBe('bigint');
      expect(events[1]!.position).toBe(result.position);
    });

    it('finds the events a command wrote by its command id, whichever stream they are in', async () => {
      const stream = uniqueStream();
      const first = anEvent();
      const second = { ...anEvent(), metadata: first.metadata };
      await store.appendToStream(uniqueStream(), [anEvent()], { expectedRevision: 'no-stream' });
      await store.appendToStream(stream, [first, second], { expectedRevision: 'no-stream' });

      // At once, as the append is acknowledged: no store may rely on an index written later.
      const found = await store.readCommandEvents(first.metadata.commandId);

      expect(found.map((e) => [e.id, e.stream, e.revision])).toEqual([
        [first.id, stream, 0n],
        [second.id, stream, 1n],
      ]);
      expect(await store.readCommandEvents(randomUUID())).toEqual([]);
    });

    it('finds the last event of each of several commands at once, and leaves out those that wrote none', async () => {
      const [one, other, alone] = [anEvent(), anEvent(), anEvent()];
      const later = { ...anEvent(), metadata: one.metadata };
      await store.appendToStream(uniqueStream(), [one, later], { expectedRevision: 'no-stream' });
      await store.appendToStream(uniqueStream(), [other], { expectedRevision: 'no-stream' });
      await store.appendToStream(uniqueStream(), [alone], { expectedRevision: 'no-stream' });
      const unknown = randomUUID();

      const found = await store.readLastCommandEvents([one.metadata.commandId, other.metadata.commandId, unknown]);

      expect([...found].map(([commandId, event]) => [commandId, event.id]).sort()).toEqual(
        [
          [one.metadata.commandId, later.id],
          [other.metadata.commandId, other.id],
        ].sort(),
      );
      expect(await store.readLastCommandEvents([])).toEqual(new Map());
    });

    it('reads a stream from a revision, and an unknown stream as empty', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no-stream' });

      const tail = await store.readStream(stream, { fromRevision: 1n });
      const one = await store.readStream(stream, { fromRevision: 1n, maxCount: 1 });

      expect(tail.map((e) => e.revision)).toEqual([1n, 2n]);
      expect(one.map((e) => e.revision)).toEqual([1n]);
      expect(await store.readStream(uniqueStream())).toEqual([]);
    });

    it('refuses "no-stream" when the stream exists, and "stream-exists" when it does not', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' });

      await expect(store.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(
        store.appendToStream(uniqueStream(), [anEvent()], { expectedRevision: 'stream-exists' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('appends at an exact revision and refuses a stale one, telling the actual revision', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent(), anEvent()], { expectedRevision: 'no-stream' });

      const next = await store.appendToStream(stream, [anEvent()], { expectedRevision: 1n });
      const stale = store.appendToStream(stream, [anEvent()], { expectedRevision: 1n });

      expect(next.nextExpectedRevision).toBe(2n);
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 2n, stream });
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('appends with "any" whatever the stream holds', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent()], { expectedRevision: 'any' });
      const result = await store.appendToStream(stream, [anEvent()], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('lets exactly one of several concurrent appenders at the same revision win', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' });

      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, () => store.appendToStream(stream, [anEvent()], { expectedRevision: 0n })),
      );

      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
        expect(attempt.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('loses nothing when concurrent appenders retry on conflict', async () => {
      const stream = uniqueStream();
      const writers = 8;
      const perWriter = 5;

      async function writer(w: number): Promise<void> {
        for (let i = 0; i < perWriter; i++) {
          const event = anEvent('Counted', { w, i });
          for (;;) {
            const current = await store.readStream(stream);
            const expected = current.length === 0 ? ('no-stream' as const) : current[current.length - 1]!.revision;
            try {
              await store.appendToStream(stream, [event], { expectedRevision: expected });
              break;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        }
      }
      await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));

      const events = await store.readStream(stream);
      expect(events).toHaveLength(writers * perWriter);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      expect(new Set(events.map((e) => `${String(e.data.w)}/${String(e.data.i)}`)).size).toBe(writers * perWriter);
    });

    it('answers a retried append (same event ids) with the first result and writes nothing more', async () => {
      const stream = uniqueStream();
      const events = [anEvent(), anEvent()];
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
      const retry = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });

      expect(retry).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('gives strictly increasing positions across streams, in the order of the log', async () => {
      const before = await store.headPosition();
      const a = uniqueStream('a');
      const b = uniqueStream('b');
      const results = [];
      for (const stream of [a, b, a, b]) {
        results.push(await store.appendToStream(stream, [anEvent()], { expectedRevision: 'any' }));
      }
      const positions = results.map((r) => r.position);
      for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!).toBe(true);

      const log = await store.readAll(before === null ? {} : { after: before });
      const ours = log.filter((e) => e.stream === a || e.stream === b);
      expect(ours.map((e) => e.position)).toEqual(positions);
      expect(await store.headPosition()).toBe(positions[3]);
    });

    it('pages through the log with after and maxCount', async () => {
      const before = await store.headPosition();
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no-stream' });
      const start = before === null ? {} : { after: before };

      const page1 = await store.readAll({ ...start, maxCount: 2 });
      const page2 = await store.readAll({ after: page1[1]!.position, maxCount: 2 });

      expect(page1.map((e) => e.revision)).toEqual([0n, 1n]);
      expect(page2.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([2n]);
    });

    it('subscribes: catches up with what is stored, then follows new appends', async () => {
      const before = await store.headPosition();
      const stream = uniqueStream();
      await store.appendToStream(stream, [anEvent('Old'), anEvent('Old')], { expectedRevision: 'no-stream' });
      const subscription = store.subscribeToAll(before === null ? {} : { after: before });

      const caughtUp: StoredEvent[] = [];
      const seen = collect(subscription, 4, caughtUp);
      await waitFor(() => caughtUp.filter((e) => e.stream === stream).length === 2, { what: 'the stored events' });
      await store.appendToStream(stream, [anEvent('New'), anEvent('New')], { expectedRevision: 1n });
      const events = (await seen).filter((e) => e.stream === stream);
      await subscription.close();

      expect(events.map((e) => e.type)).toEqual(['Old', 'Old', 'New', 'New']);
    });

    it('resumes a subscription after a checkpoint, without the events before it', async () => {
      const stream = uniqueStream();
      const first = await store.appendToStream(stream, [anEvent('Before')], { expectedRevision: 'no-stream' });
      await store.appendToStream(stream, [anEvent('After'), anEvent('After')], { expectedRevision: 0n });

      const subscription = store.subscribeToAll({ after: first.position });
      const events = (await collect(subscription, 2)).filter((e) => e.stream === stream);
      await subscription.close();

      expect(events.map((e) => e.type)).toEqual(['After', 'After']);
      expect(events.every((e) => e.position > first.position)).toBe(true);
    });
  });
}
