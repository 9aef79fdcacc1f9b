import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { StoredEvent } from '../../../src/event-store/event-store.port.js';
import { EventStoreDbEventStore } from '../../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { EventStoreDbDouble } from '../../support/eventstoredb-double/eventstoredb-double.js';
import { anEventOfItsOwnCommand as anEvent } from '../../support/new-event.js';

/**
 * A server shared with another application holds events this service did not
 * write. They must not stop the projections for good: the subscription and
 * `$all` reads skip them, and count them (shown in /health and /metrics).
 */
describe('EventStoreDB adapter and events it did not write (protocol double)', () => {
  const double = new EventStoreDbDouble();
  let store: EventStoreDbEventStore;
  const skipped: number[] = [];

  beforeAll(async () => {
    await double.start();
    store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(double.connectionString), {
      onSkip: (events) => skipped.push(events),
    });
    await store.appendToStream('session-1', [anEvent()], { expectedRevision: 'no-stream' });
    double.appendForeign(`orders-${randomUUID()}`, 'OrderPlaced', { total: 12 });
    double.appendForeign('session-x', 'SessionHeld', 'not an object');
    await store.appendToStream('session-1', [anEvent()], { expectedRevision: 0n });
  });
  afterAll(async () => {
    await store.close();
    await double.stop();
  });

  it('follows the log past them, and counts each once', async () => {
    const subscription = store.subscribeToAll();
    const seen: StoredEvent[] = [];
    for await (const batch of subscription) {
      seen.push(...batch);
      if (seen.length >= 2) break;
    }
    await subscription.close();
    const read = await store.readAll();

    expect(seen.map((e) => [e.stream, e.revision])).toEqual([
      ['session-1', 0n],
      ['session-1', 1n],
    ]);
    expect(read.map((e) => e.stream)).toEqual(['session-1', 'session-1']);
    expect(store.skippedEvents).toBe(2);
    expect(skipped.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
