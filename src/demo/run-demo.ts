import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHttpApp, createLogger } from '../app/http-app.js';
import { AppConfig } from '../config/app-config.js';
import { expandDataset, type DemoDataset } from './demo-dataset.js';
import { printFigures } from './print-figures.js';
import { replay } from './replay.js';

const DEFAULT_DATASET = new URL('../../demo/programme-2022.json', import.meta.url);

/**
 * npm run demo: replays the demo data set through the HTTP API, then prints
 * the programme's and each project's figures. Without --url it starts the
 * service in-process on DATA_DIR (./data by default); replaying again writes
 * nothing new. With --url, it sends --token (or ADMIN_TOKEN) as a coordinator.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      dataset: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const dataset = JSON.parse(readFileSync(values.dataset ?? DEFAULT_DATASET, 'utf8')) as DemoDataset;
  const commands = expandDataset(dataset);
  // In-process, the demo is its own coordinator: a one-off ADMIN_TOKEN unless one is configured.
  const token = values.token ?? process.env.ADMIN_TOKEN ?? randomBytes(24).toString('base64url');
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };

  const config = new AppConfig({ ...process.env, ADMIN_TOKEN: process.env.ADMIN_TOKEN ?? token });
  const app = values.url ? undefined : await createHttpApp({ config, logger: createLogger('warn') });
  let baseUrl = values.url?.replace(/\/$/, '');
  if (app) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
    console.log(`Service started in-process on ${baseUrl}, data in ${config.dataDir}`);
  }
  try {
    const started = performance.now();
    const result = await replay(baseUrl!, commands, { headers });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Replayed ${commands.length} commands in ${seconds.toFixed(1)} s: ${result.created} events written, ` +
        `${result.repeated} repeats answered 200 (nothing written); log position ${result.position}`,
    );
    await printFigures(baseUrl!, dataset, result.position, headers);
  } finally {
    await app?.close();
  }
}

// `npm run demo | head` closes stdout early: that is not a failure of the demo.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
