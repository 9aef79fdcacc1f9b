import { Logger } from '@nestjs/common';
import { EventStoreDBClient } from '@eventstore/db-client';
import { ConfigurationError } from '../../config/app-config.js';
import { EventStoreUnavailableError } from '../event-store.port.js';
import { Backoff } from './backoff.js';
import { EventStoreDbEventStore, type EventStoreDbStoreOptions } from './eventstoredb-event-store.js';

export interface ConnectOptions extends EventStoreDbStoreOptions {
  /** Where the connection string came from, for the messages: a variable or a command-line option. */
  readonly origin: string;
  /** How long to keep trying to reach the server before giving up. */
  readonly budgetMs?: number;
  /** First and longest wait between two attempts. */
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
}

/**
 * Opens the EventStoreDB store and waits until the server answers, trying again
 * with growing delays within a time budget: in a deployment the service may
 * start before the database. Fails with a message that names the server and
 * where its connection string came from, never its password.
 */
export async function connectEventStoreDb(
  connectionString: string,
  options: ConnectOptions,
): Promise<EventStoreDbEventStore> {
  const logger = new Logger('eventstoredb');
  const shown = redactConnectionString(connectionString);
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new ConfigurationError(
      `${options.origin} is not an EventStoreDB connection string (${shown}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const store = new EventStoreDbEventStore(client, options);
  const budgetMs = options.budgetMs ?? 30_000;
  const delays = options.retryDelayMs ?? { initial: 250, max: 5000 };
  const backoff = new Backoff(delays.initial, delays.max);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await store.ping();
      if (attempt > 1) logger.log(`EventStoreDB at ${shown} answered at attempt ${attempt}`);
      return store;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const delay = backoff.next();
      const elapsed = Date.now() - started;
      if (elapsed + delay > budgetMs) {
        await store.close();
        throw new EventStoreUnavailableError(
          `EventStoreDB at ${shown} (${options.origin}) did not answer after ${attempt} attempts in ` +
            `${(elapsed / 1000).toFixed(1)} s: ${reason}`,
          { cause: error },
        );
      }
      logger.warn(
        `EventStoreDB at ${shown} does not answer yet (attempt ${attempt}): ${reason}; retrying in ${delay} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The connection string without its password, for messages and logs. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/[^:@/]+):[^@/]*@/i, '$1:***@');
}
