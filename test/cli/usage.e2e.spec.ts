import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

interface Run {
  readonly code: number | string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end, or kills it after 20 s; npm's cache goes to `home`, not to the folder watched. */
function run(file: string, args: readonly string[], cwd: string, home: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: home } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal ?? null) : 0, stdout, stderr }),
    );
  });
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

jest.setTimeout(30_000);

describe('indicators --help and --version, from an empty folder', () => {
  const folder = tempDir();
  const home = tempDir('indicators-home-');
  afterAll(() => {
    folder.remove();
    home.remove();
  });

  it('prints the usage under the name indicators and leaves the folder empty', async () => {
    const result = await run(process.execPath, [join(ROOT, 'dist/cli.js'), '--help'], folder.path, home.path);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: indicators [options] [command]');
    expect(result.stdout).toContain('verify');
    expect(readdirSync(folder.path)).toEqual([]);
  });

  it("prints a command's usage and leaves the folder empty", async () => {
    const result = await run(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'tokens', 'create', '--help'],
      folder.path,
      home.path,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: indicators tokens create [options]');
    expect(readdirSync(folder.path)).toEqual([]);
  });

  it("prints the package's version and leaves the folder empty", async () => {
    const result = await run(process.execPath, [join(ROOT, 'dist/cli.js'), '--version'], folder.path, home.path);

    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(readdirSync(folder.path)).toEqual([]);
  });
});

describe('indicators once installed (npm install -g . from the clone)', () => {
  const prefix = tempDir('indicators-prefix-');
  const folder = tempDir();
  afterAll(() => {
    prefix.remove();
    folder.remove();
  });

  it('runs as `indicators` from anywhere, touching nothing', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = await run(
      npm,
      ['install', '--global', '--prefix', prefix.path, '--offline', '--no-audit', '--no-fund', ROOT],
      folder.path,
      prefix.path,
    );
    expect(install).toMatchObject({ code: 0 });

    const help = await run(join(prefix.path, 'bin', 'indicators'), ['--help'], folder.path, prefix.path);
    const versionAnswer = await run(join(prefix.path, 'bin', 'indicators'), ['--version'], folder.path, prefix.path);

    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: indicators');
    expect(versionAnswer.stdout.trim()).toBe(version);
    expect(readdirSync(folder.path)).toEqual([]);
  }, 90_000);
});
