import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/service-process.js';

describe("the web app's API client", () => {
  it('is generated from the OpenAPI document the built service serves (npm run web:client)', () => {
    const check = spawnSync(process.execPath, ['scripts/web-client.js', '--check'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
