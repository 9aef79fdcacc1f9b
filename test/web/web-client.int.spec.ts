import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/service-process.js';

describe("the web app's API client", () => {
  it('is generated from the OpenAPI document the built service serves (npm run web:client)', () => {
    const check = spawnSync(process.execPath, ['scripts/web-client.js', '--check'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      // It starts the service in-process and generates the types: seconds. A script that hangs is
      // killed, not waited for: a synchronous spawn holds the test file past Jest's own timeout.
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    expect(check.signal).toBeNull();
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
