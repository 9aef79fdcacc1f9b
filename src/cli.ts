#!/usr/bin/env -S node --max-semi-space-size=32
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module.js';
import { AppConfig } from './config/app-config.js';
import { NestPinoLogger, createLogger } from './logging/logger.js';

/**
 * `indicators <command>` (nest-commander: Nest's own providers behind a
 * commander CLI). It reads the same environment as the server (DATA_DIR, …).
 */
async function main(): Promise<void> {
  const config = new AppConfig();
  await CommandFactory.run(CliModule.register(config), {
    cliName: 'indicators',
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
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
