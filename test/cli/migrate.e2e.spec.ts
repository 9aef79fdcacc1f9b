import { runCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

/** The built command line, as an operator runs it. */
const cli = (args: string[], env: Record<string, string>) => runCli(args, { LOG_LEVEL: 'silent', ...env }, 30_000);

describe('indicators migrate', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses a target that is not an EventStoreDB connection string, and exits non-zero', async () => {
    const result = await cli(['migrate', '--to', 'http://localhost:2113'], { DATA_DIR: dir.path });

    expect(result.code).toBe(2);
    expect(result.output).toContain('--to is not an EventStoreDB connection string (http://localhost:2113)');
  });

  it('says which option it needs', async () => {
    const result = await cli(['migrate'], { DATA_DIR: dir.path });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain("required option '--to <connection string>' not specified");
  });
});
