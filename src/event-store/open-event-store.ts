import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from './event-store.port.js';
import { connectEventStoreDb } from './eventstoredb/eventstoredb-connection.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** The counters the store reports its writes to (the service's metrics). */
export interface AppendMetrics {
  readonly commitAppends: { observe(appends: number): void };
  readonly eventsAppended: { inc(events: number): void };
  readonly eventsSkipped: { inc(events: number): void };
}

/**
 * The store the configuration selects: the embedded SQLite store by default,
 * EventStoreDB once it answers (the start-up fails with a clear message when it
 * does not within the retry budget).
 */
export async function openEventStore(config: AppConfig, metrics?: AppendMetrics): Promise<EventStore> {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({
        path: join(config.dataDir, 'events.db'),
        onCommit: (appends, events) => {
          metrics?.commitAppends.observe(appends);
          metrics?.eventsAppended.inc(events);
        },
      });
    case 'eventstoredb':
      return connectEventStoreDb(config.eventStoreDbConnectionString(), {
        origin: 'EVENTSTORE_CONNECTION_STRING',
        onAppend: (events) => metrics?.eventsAppended.inc(events),
        onSkip: (events) => metrics?.eventsSkipped.inc(events),
      });
  }
}
