import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli-process.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

const FILE = 'id;role;registeredJobSeeker\np-cli-1;citizen;oui\np-cli-2;wizard;non\n';

describe('indicators import', () => {
  const dir = tempDir('indicators-cli-import-');
  const file = join(dir.path, 'inscrits.csv');
  writeFileSync(file, FILE);
  afterAll(() => dir.remove());

  it('imports in-process on DATA_DIR, lists the refused rows and exits 1; a dry run writes nothing', async () => {
    const env = { DATA_DIR: join(dir.path, 'data') };
    const dryRun = await runCli(['import', file, '--kind', 'participants', '--dry-run'], env);
    expect(dryRun).toMatchObject({ code: 1 });
    expect(dryRun.output).toMatch(/dry run, nothing written: 2 rows, 1 new, 0 repeat, 1 refused/);
    expect(dryRun.output).toMatch(/line 3 \(p-cli-2\): invalid-request: role: role must be one of/);

    const imported = await runCli(['import', file, '--kind', 'participants'], env);
    expect(imported.output).toMatch(/2 rows, 1 new, 0 repeat, 1 refused/);
    const again = await runCli(['import', file, '--kind', 'participants'], env);
    expect(again.output).toMatch(/nothing new to write: 2 rows, 0 new, 1 repeat, 1 refused/);
    expect(again.code).toBe(1);
  });

  it('imports against a running service with --url and --token; exit 0 when no row is refused', async () => {
    const ADMIN_TOKEN = 'cli-import-admin-token-0123456789';
    const service: ServiceProcess = await startService({ DATA_DIR: join(dir.path, 'served'), ADMIN_TOKEN });
    try {
      const good = join(dir.path, 'good.csv');
      writeFileSync(good, 'id;role;registeredJobSeeker\np-url-1;citizen;ja\n');
      const answer = await runCli(
        ['import', good, '--kind', 'participants', '--url', service.url, '--token', ADMIN_TOKEN],
        {},
      );
      expect(answer.output).toMatch(/1 rows, 1 new, 0 repeat, 0 refused/);
      expect(answer.code).toBe(0);
    } finally {
      service.child.kill('SIGTERM');
    }
  });
});
