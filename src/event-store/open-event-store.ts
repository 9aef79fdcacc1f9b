import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from './event-store.port.js';
import { connectEventStoreDb } from './eventstoredb/eventstoredb-connection.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { SqliteStreamReader } from './sqlite/sqlite-stream-reader.js';

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

/**
 * Where another thread finds the log to read streams from: the embedded
 * store's file, or nothing for EventStoreDB (a worker would need a client and
 * a connection of its own; its readers stay on the request thread).
 */
export function streamFileOf(config: AppConfig): string | null {
  return config.eventStore === 'sqlite' ? join(config.dataDir, 'events.db') : null;
}

/** A read-only reader of the embedded store's file (see streamFileOf), for a read worker. */
export function openStreamReader(path: string): SqliteStreamReader {
  return new SqliteStreamReader(path);
}
