import { runNode } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('starting the service on EventStoreDB', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses to start without a connection string, saying which variable is missing', async () => {
    const result = await runNode(
      ['dist/main.js'],
      { DATA_DIR: dir.path, EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: '' },
      20_000,
    );

    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      'The service cannot start: EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false',
    );
  });
});
