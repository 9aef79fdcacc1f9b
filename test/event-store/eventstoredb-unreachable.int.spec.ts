import { Logger } from '@nestjs/common';
import { EventStoreDBClient } from '@eventstore/db-client';
import { ConfigurationError } from '../../src/config/app-config.js';
import { EventStoreUnavailableError } from '../../src/event-store/event-store.port.js';
import { connectEventStoreDb } from '../../src/event-store/eventstoredb/eventstoredb-connection.js';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { aNewEvent } from '../support/new-event.js';
import { freePort } from '../support/service-process.js';
import { waitFor } from '../support/wait-for.js';

/**
 * What the EventStoreDB adapter does when no server answers, with the real
 * client on a loopback port where nothing listens: this needs no server.
 */
const event = aNewEvent('0f8fad5b-d9cb-469f-a165-70867728950e');

describe('EventStoreDB adapter without a server', () => {
  let connectionString: string;
  /** The adapter warns at each retry: kept here, out of the test output, to count the retries. */
  const warnings: string[] = [];

  beforeAll(async () => {
    const quiet = () => undefined;
    Logger.overrideLogger({
      log: quiet,
      error: quiet,
      debug: quiet,
      verbose: quiet,
      warn: (m) => warnings.push(String(m)),
    });
    connectionString = `esdb://admin:s3cret@127.0.0.1:${await freePort()}?tls=false`;
  });

  it('fails to start after its retry budget, naming the server and the variable, not the password', async () => {
    const started = Date.now();
    const attempt = connectEventStoreDb(connectionString, {
      origin: 'EVENTSTORE_CONNECTION_STRING',
      budgetMs: 2_000,
      retryDelayMs: { initial: 50, max: 100 },
    });

    const error = await attempt.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );

    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    const [, attempts] =
      /^EventStoreDB at esdb:\/\/admin:\*\*\*@127\.0\.0\.1:\d+\?tls=false \(EVENTSTORE_CONNECTION_STRING\) did not answer after (\d+) attempts/.exec(
        error?.message ?? '',
      ) ?? [error?.message];
    // It tried again. How many attempts fit in the budget depends on the machine's load (one took all
    // of 400 ms on a busy one), hence 2 s for at least two.
    expect(Number(attempts)).toBeGreaterThanOrEqual(2);
    expect(error?.message).not.toContain('s3cret');
    // Giving up at all is the behaviour: the budget is 2 s, 20 s only says it did not retry forever.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a malformed connection string as a configuration error', async () => {
    await expect(connectEventStoreDb('http://localhost:2113', { origin: '--to' })).rejects.toThrow(ConfigurationError);
    await expect(connectEventStoreDb('http://localhost:2113', { origin: '--to' })).rejects.toThrow(
      /^--to is not an EventStoreDB connection string/,
    );
  });

  describe('once the server has gone away', () => {
    let store: EventStoreDbEventStore;

    beforeEach(() => {
      store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), {
        resubscribeDelayMs: { initial: 20, max: 50 },
      });
    });
    afterEach(async () => {
      await store.close();
    });

    it('answers /health’s ping, appends and reads with the unavailable error (a 503, not a 500)', async () => {
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(
        store.appendToStream('session-1', [event], { expectedRevision: 'no-stream' }),
      ).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readStream('session-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('keeps its subscription trying again instead of failing, until it is closed', async () => {
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const outcome = iterator.next().then(
        (result) => ({ ended: result.done === true }),
        (error: unknown) => ({ failed: error }),
      );

      const before = warnings.length;
      await waitFor(() => warnings.length >= before + 3, { what: 'three attempts to subscribe again' });
      const settledEarly = await Promise.race([outcome, Promise.resolve('still trying')]);
      await subscription.close();

      expect(settledEarly).toBe('still trying');
      expect(await outcome).toEqual({ ended: true });
    });
  });
});
