import { connectEventStoreDb } from '../../src/event-store/eventstoredb/eventstoredb-connection.js';
import { describeEventStoreContract, type ContractSubject } from './event-store.contract.js';

/**
 * The same contract as the embedded store, against a real EventStoreDB server
 * when EVENTSTORE_CONNECTION_STRING names one (e.g. the node of docker/compose.yaml:
 * esdb://localhost:2113?tls=false). No server can run on CI, so there the suite
 * is registered as skipped, with the reason in its name and in the output.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

async function open(): Promise<ContractSubject> {
  const store = await connectEventStoreDb(connectionString ?? '', {
    origin: 'EVENTSTORE_CONNECTION_STRING',
    // Within Jest's 5 s for a hook: a server that does not answer fails the test, not the run.
    budgetMs: 4000,
  });
  return { store, dispose: () => store.close() };
}

if (connectionString) {
  describeEventStoreContract('EventStoreDB', open);
} else {
  const reason = 'EVENTSTORE_CONNECTION_STRING is not set; no EventStoreDB server runs on CI';
  // Straight to stderr: Jest does not print the console of a file whose tests are all skipped.
  process.stderr.write(`EventStoreDB contract suite skipped: ${reason}\n`);
  describe.skip(`EventStoreDB contract — skipped: ${reason}`, () => {
    describeEventStoreContract('EventStoreDB', open);
  });
}
