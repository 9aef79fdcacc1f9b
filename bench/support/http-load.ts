import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { round } from './stats.js';

export interface LoadResult {
  /** 2xx answers a second over the measured period. */
  readonly requests_per_s: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly answered: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  readonly failed: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  /** The n-th request's path and JSON body; each call must give a new one if each request is to write. */
  readonly next: () => { readonly path: string; readonly body: string };
}

/**
 * Drives a server with autocannon (the load generator of the Fastify team):
 * `connections` keep-alive connections, one request in flight on each, for
 * `seconds`. Its latencies are whole milliseconds: enough under load.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    headers: options.headers,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { path, body } = options.next();
          return { ...req, path, body };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requests_per_s: round(ok / result.duration),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    answered: ok,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

export interface LatencyResult {
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
  readonly requests: number;
  readonly status: number;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET at a time on one keep-alive connection, each timed to the microsecond. */
export async function timeSequentialGets(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<LatencyResult> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const answer = await get(url, headers);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    status = answer.status;
    if (answer.status !== 200) return { p50_ms: NaN, p99_ms: NaN, max_ms: NaN, requests: i + 1, status };
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    p50_ms: round(percentile(times, 0.5), 3),
    p99_ms: round(percentile(times, 0.99), 3),
    max_ms: round(times[times.length - 1]!, 3),
    requests: count,
    status,
  };
}

export function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: keepAlive }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
