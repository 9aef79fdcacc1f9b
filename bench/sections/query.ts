import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_SIZES, QUICK_SIZES, type BenchSizes } from '../bench-sizes.js';
import type { LogInfo } from '../log/cached-log.js';
import { scratchDir } from '../support/bench-paths.js';
import { answerParent } from '../support/child-process.js';
import { get, timeSequentialGets, type LatencyResult } from '../support/http-load.js';
import { startService } from '../support/service.js';
import { round } from '../support/stats.js';

export interface QueryResults {
  readonly log_events: number;
  readonly programme_figures: LatencyResult;
  readonly project_figures: LatencyResult;
  readonly as_of: AsOfResult;
}

export type AsOfResult =
  | { readonly available: true; readonly ms: number; readonly timestamp: string }
  | { readonly available: false; readonly status: number; readonly detail: string };

/**
 * The figures queries of the service started on the large log, its read
 * models already built (by the rebuild section): one request at a time on a
 * keep-alive connection, after a warm-up. The client runs in a process of its
 * own, as every measurement: the bench's main process has run the ingest load
 * by then, and its heap and compiled code are not those of a fresh client.
 *
 * Usage (child process): query.js <LogInfo as JSON> <read-models.db> full|quick
 */
answerParent(([log, readModels, mode]) =>
  measureQueries(JSON.parse(log!) as LogInfo, readModels!, mode === 'quick' ? QUICK_SIZES : FULL_SIZES),
);

async function measureQueries(log: LogInfo, readModels: string, sizes: BenchSizes): Promise<QueryResults> {
  const dir = scratchDir('query');
  copyFileSync(log.path, join(dir, 'events.db'));
  copyFileSync(readModels, join(dir, 'read-models.db'));
  const server = await startService(dir);
  const { auth } = server;
  try {
    const programme = `${server.url}/api/figures/${log.firstYear}`;
    const project = `${server.url}/api/figures/${log.firstYear}/projects/${log.sampleProject}`;
    // Steady state, as a service that has been up a while answers: the code of both queries compiled
    // (the first thousand requests of each are several times slower), the collections after loading done.
    for (const url of [programme, project]) await timeSequentialGets(url, auth, sizes.queryWarmupRequests);
    return {
      log_events: log.events,
      programme_figures: await timeSequentialGets(programme, auth, sizes.queryRequests),
      project_figures: await timeSequentialGets(project, auth, sizes.queryRequests),
      as_of: await measureAsOf(server.url, auth, log.firstYear, log.midRecordedAt),
    };
  } finally {
    await server.stop();
  }
}

/**
 * The figures as they stood halfway through the log (`asOf`, docs/api.md
 * "Audit"). A service without time travel refuses the parameter (400): that
 * is reported as not available, not as a failure.
 */
async function measureAsOf(
  url: string,
  auth: Record<string, string>,
  year: number,
  timestamp: string,
): Promise<AsOfResult> {
  const target = `${url}/api/figures/${year}?asOf=${encodeURIComponent(timestamp)}`;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const answer = await get(target, auth);
    const ms = performance.now() - started;
    if (answer.status === 400) return { available: false, status: answer.status, detail: detailOf(answer.body) };
    if (answer.status !== 200) throw new Error(`GET ${target} answered ${answer.status}: ${answer.body}`);
    times.push(ms);
  }
  return { available: true, ms: round(Math.max(...times), 1), timestamp };
}

function detailOf(body: string): string {
  try {
    const { detail } = JSON.parse(body) as { detail?: unknown };
    return typeof detail === 'string' ? detail : body;
  } catch {
    return body;
  }
}
