import { join } from 'node:path';
import { ConfigurationError, type AppConfig } from '../config/app-config.js';
import type { Metrics } from '../operations/metrics.js';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** The store the configuration selects: the embedded SQLite store by default. */
export function openEventStore(config: AppConfig, metrics?: Metrics): EventStore {
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
      throw new ConfigurationError('EVENT_STORE=eventstoredb is not available in this version; use sqlite');
  }
}
