#!/usr/bin/env -S node --max-semi-space-size=32 --heap-growing-percent=100
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { CliUsageModule } from './cli/cli-usage.module.js';
import { CliModule } from './cli/cli.module.js';
import { AppConfig } from './config/app-config.js';
import { NestPinoLogger, createLogger } from './logging/logger.js';

/** The name usage shows, whatever the file it runs from (`dist/cli.js`, a global link, npx). */
const CLI_NAME = 'indicators';

/**
 * `indicators <command>` (nest-commander: Nest's own providers behind a
 * commander CLI). It reads the same environment as the server (DATA_DIR, …);
 * asking for usage or the version reads none of it and touches no file.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const module = asksOnlyForUsage(args)
    ? CliUsageModule.register()
    : CliModule.register(
        // One command, one read: no request thread to keep free, and starting a worker costs seconds.
        new AppConfig({ READ_WORKERS: '0', ...process.env }),
      );
  const app = await CommandFactory.createWithoutRunning(module, {
    cliName: CLI_NAME,
    version: packageVersion(),
    logger: new NestPinoLogger(createLogger(process.env.LOG_LEVEL ?? 'warn')),
    errorHandler: (error: Error & { code?: string; exitCode?: number }) => {
      // commander signals --help and --version as errors with exit code 0
      if (error.exitCode === 0) process.exit(0);
      // commander has already printed its own usage errors
      if (!error.code?.startsWith('commander.')) console.error(error.message);
      process.exit(2);
    },
    // A command that fails (a store that does not answer, a migration that stops)
    // exits non-zero; nest-commander's default only prints the error and exits 0.
    serviceErrorHandler: (error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  });
  try {
    // commander names the program after the script it is given.
    await app.get(CommandRunnerService).run([process.argv[0] ?? 'node', CLI_NAME, ...args]);
  } finally {
    await app.close();
  }
}

/** No command, `help`, or a help or version flag anywhere: nothing will run. */
function asksOnlyForUsage(args: readonly string[]): boolean {
  return (
    args.length === 0 || args[0] === 'help' || args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg))
  );
}

/** The version of the installed package: dist/cli.js sits one folder below its package.json. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
