import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { streamOfEvent, type ProgrammeEvent } from '../../src/figures/programme-event.js';
import type { Projection } from '../../src/projections/projection.js';
import { dumpReadModel, type ReadModelDump } from '../../src/projections/read-model-dump.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { newProgrammeEvent } from './log-builder.js';

/** Stored events as the log would hand them over: positions from 1, revisions counted by stream. */
export function storedEvents(events: readonly ProgrammeEvent[]): StoredEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map((event, index) => {
    const stream = streamOfEvent(event);
    const revision = revisions.get(stream) ?? 0n;
    revisions.set(stream, revision + 1n);
    return { ...newProgrammeEvent(event), stream, revision, position: BigInt(index + 1) };
  });
}

/**
 * given(events).then(read model) for a projection, on an in-memory read store,
 * fed the way the runner feeds it: each batch in a transaction with its
 * checkpoint. `restartingAfter` starts a new instance of the projection at that
 * point, which loads the tables, as the service does after a restart.
 */
export function projectionSpecification(create: () => Projection) {
  return {
    given(events: readonly ProgrammeEvent[], options: { restartingAfter?: number } = {}) {
      const readStore = new ReadStore(':memory:');
      const stored = storedEvents(events);
      let projection = start(readStore, create());
      const split = options.restartingAfter ?? stored.length;
      feed(readStore, projection, stored.slice(0, split));
      if (split < stored.length) {
        projection = start(readStore, create());
        feed(readStore, projection, stored.slice(split));
      }
      const dump = (): ReadModelDump => dumpReadModel(readStore.db, projection);
      return {
        then(check: (readStore: ReadStore) => void): void {
          try {
            check(readStore);
          } finally {
            readStore.close();
          }
        },
        /** The same events delivered again, before and after a restart, change no row. */
        thenDeliveringThemAgainChangesNothing(): void {
          try {
            const before = dump();
            feed(readStore, projection, stored);
            expect(dump()).toEqual(before);
            feed(readStore, start(readStore, create()), stored);
            expect(dump()).toEqual(before);
          } finally {
            readStore.close();
          }
        },
        dump,
      };
    },
  };
}

function start(readStore: ReadStore, projection: Projection): Projection {
  readStore.prepare(projection);
  projection.load(readStore.db);
  return projection;
}

function feed(readStore: ReadStore, projection: Projection, events: readonly StoredEvent[]): void {
  if (events.length === 0) return;
  readStore.db.transaction(() => {
    projection.apply(events, readStore.db);
    const last = events[events.length - 1]!.position;
    readStore.saveCheckpoint(projection.name, { version: projection.version, position: last });
  })();
}
