import { connectEventStoreDb } from '../../src/event-store/eventstoredb/eventstoredb-connection.js';
import { EventStoreDbDouble } from '../support/eventstoredb-double/eventstoredb-double.js';
import { describeEventStoreContract, type ContractSubject } from './event-store.contract.js';

/**
 * The same contract as the embedded store, over gRPC with the real client:
 * against the protocol double of test/support on every run, and against a real
 * EventStoreDB server too when EVENTSTORE_CONNECTION_STRING names one (e.g. the
 * node of docker/compose.yaml: esdb://localhost:2113?tls=false).
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

async function open(target: string): Promise<ContractSubject> {
  const store = await connectEventStoreDb(target, {
    origin: 'EVENTSTORE_CONNECTION_STRING',
    // Within Jest's 5 s for a hook: a server that does not answer fails the test, not the run.
    budgetMs: 4000,
  });
  return { store, dispose: () => store.close() };
}

describe('over gRPC, against the EventStoreDB protocol double', () => {
  const double = new EventStoreDbDouble();
  let target = '';
  beforeAll(async () => {
    target = await double.start();
  });
  afterAll(() => double.stop());

  describeEventStoreContract('EventStoreDB (protocol double)', () => open(target));
});

if (connectionString) {
  describeEventStoreContract('EventStoreDB', () => open(connectionString));
} else {
  const reason = 'EVENTSTORE_CONNECTION_STRING is not set; no EventStoreDB server runs on CI';
  // Straight to stderr: Jest does not print the console of a file whose tests are all skipped.
  process.stderr.write(`EventStoreDB contract suite against a real server skipped: ${reason}\n`);
  describe.skip(`EventStoreDB contract against a real server — skipped: ${reason}`, () => {
    describeEventStoreContract('EventStoreDB', () => open(''));
  });
}
