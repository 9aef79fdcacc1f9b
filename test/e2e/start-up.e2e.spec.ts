import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('starting the service on EventStoreDB', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses to start without a connection string, saying which variable is missing', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'dist/main.js')],
        { env: { PATH: process.env.PATH ?? '', DATA_DIR: dir.path, EVENT_STORE: 'eventstoredb' }, timeout: 20_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });

    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'The service cannot start: EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false',
    );
  });
});
