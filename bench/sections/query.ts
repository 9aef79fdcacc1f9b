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
  readonly at_position: AsOfResult;
  readonly report_json: ReportResult;
}

export type AsOfResult =
  | { readonly available: true; readonly ms: number; readonly times_ms: number[]; readonly point: string }
  | { readonly available: false; readonly status: number; readonly detail: string };

/** The annual report of each year of the log in JSON, built once each (the next request is served from a cache). */
export interface ReportResult {
  /** The slowest year's. */
  readonly ms: number;
  readonly by_year: Record<string, number>;
}

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
    const programmeAt = (year: number, point: string) => `${server.url}/api/figures/${year}?${point}`;
    // The log's middle: its first year long over (asOf, as issue 8 measured it), and the year then under way.
    const asOf = `asOf=${encodeURIComponent(log.midRecordedAt)}`;
    const atPosition = `atPosition=${Math.ceil(log.events / 2)}`;
    // A service up a while has its read worker started: one replay of another year, untimed, starts it.
    // Before the warm-up, not after it: the worker's start (a second of CPU: its modules, the replay,
    // their compilation) leaves the request path's code re-tiering and V8's background threads busy
    // for a while after its answer, and timing the GETs in that wake measured the worker's start, not
    // the GETs (docs/performance.md, "The figures GET p99: the read worker's wake": in seven
    // alternated pairs, p99 2.1 to 2.8 ms (programme) and 1.6 to 3.5 ms (project) right after it,
    // 0.8 to 1.9 ms, once 3.5, and 0.8 to 1.1 ms after a warm-up that follows it).
    await get(programmeAt(log.lastYear, atPosition), auth);
    // Steady state, as a service that has been up a while answers: the code of both queries compiled
    // (the first thousand requests of each are several times slower), the collections after loading done.
    for (const url of [programme, project]) await timeSequentialGets(url, auth, sizes.queryWarmupRequests);
    return {
      log_events: log.events,
      programme_figures: await timeSequentialGets(programme, auth, sizes.queryRequests),
      project_figures: await timeSequentialGets(project, auth, sizes.queryRequests),
      as_of: await measurePointInThePast(programmeAt(log.firstYear, asOf), auth),
      at_position: await measurePointInThePast(programmeAt(Number(log.midRecordedAt.slice(0, 4)), atPosition), auth),
      report_json: await measureReports(server.url, auth, log),
    };
  } finally {
    await server.stop();
  }
}

/**
 * The figures as they stood at a point in the past (`asOf` or `atPosition`,
 * docs/api.md "Audit"), three times (each a replay: nothing is cached), the
 * slowest reported. A service without
 * time travel refuses the parameter (400): that is reported as not available,
 * not as a failure.
 */
async function measurePointInThePast(target: string, auth: Record<string, string>): Promise<AsOfResult> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const answer = await get(target, auth);
    const ms = performance.now() - started;
    if (answer.status === 400) return { available: false, status: answer.status, detail: detailOf(answer.body) };
    if (answer.status !== 200) throw new Error(`GET ${target} answered ${answer.status}: ${answer.body}`);
    times.push(ms);
  }
  const point = target.slice(target.indexOf('?') + 1);
  return { available: true, ms: round(Math.max(...times), 1), times_ms: times.map((ms) => round(ms, 1)), point };
}

/** Each year's report in JSON, once: the service caches a report until the log moves. */
async function measureReports(url: string, auth: Record<string, string>, log: LogInfo): Promise<ReportResult> {
  const byYear: Record<string, number> = {};
  for (let year = log.firstYear; year <= log.lastYear; year++) {
    const target = `${url}/api/reports/${year}`;
    const started = performance.now();
    const answer = await get(target, { ...auth, accept: 'application/json' });
    byYear[year] = round(performance.now() - started, 1);
    if (answer.status !== 200) throw new Error(`GET ${target} answered ${answer.status}: ${answer.body}`);
  }
  return { ms: Math.max(...Object.values(byYear)), by_year: byYear };
}

function detailOf(body: string): string {
  try {
    const { detail } = JSON.parse(body) as { detail?: unknown };
    return typeof detail === 'string' ? detail : body;
  } catch {
    return body;
  }
}
