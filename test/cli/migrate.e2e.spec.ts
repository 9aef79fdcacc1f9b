import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

/** The built command line, as an operator runs it. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), ...args],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

describe('indicators migrate', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses a target that is not an EventStoreDB connection string, and exits non-zero', async () => {
    const result = await cli(['migrate', '--to', 'http://localhost:2113'], { DATA_DIR: dir.path });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--to is not an EventStoreDB connection string (http://localhost:2113)');
  });

  it('says which option it needs', async () => {
    const result = await cli(['migrate'], { DATA_DIR: dir.path });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("required option '--to <connection string>' not specified");
  });
});
