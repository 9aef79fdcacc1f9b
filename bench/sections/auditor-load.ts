import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WORK_DIR, scratchDir } from '../support/bench-paths.js';
import { startService, type RunningServer } from '../support/service.js';
import { round } from '../support/stats.js';

export interface AuditorLoadResult {
  readonly seconds: number;
  /** Expensive reads the auditor keeps in flight: HTML and PDF reports, programme provenance, in turn. */
  readonly auditor_in_flight: number;
  readonly commands: number;
  readonly command_p50_ms: number;
  readonly command_p99_ms: number;
  /** The auditor's answers by kind and status (503: refused at once by the bounds on expensive reads). */
  readonly auditor_answers: Record<string, number>;
  /** The service's peak RSS over the run (its worker threads included; Chromium's processes are not). */
  readonly service_peak_rss_mb: number | null;
}

/**
 * Issue 19, point 2: an auditor keeping many report and provenance requests in
 * flight (at its rate limit) must not stall another caller's commands. The
 * built service, on 127.0.0.1, loaded with the demo year; one command every
 * 250 ms, timed, for `seconds`; then the auditor stops and is waited for (at
 * most a minute).
 */
export async function measureAuditorLoad(seconds: number, inFlight: number): Promise<AuditorLoadResult> {
  // The auditor keeps more reads in flight than its token may: the service warns of each one it
  // turns away, hundreds of lines that are the load working as meant, not news.
  const dataDir = scratchDir('auditor-load');
  cpSync(await demoDataDir(), dataDir, { recursive: true });
  const server = await startService(dataDir, undefined, { LOG_LEVEL: 'error' });
  try {
    const headers = { ...server.auth, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ role: 'auditor', label: 'bench auditor' }),
    });
    const { token } = (await created.json()) as { token: string };
    const answers: Record<string, number> = {};
    let stop = false;
    const reads = [
      ['html', '/api/reports/2022', 'text/html'],
      ['pdf', '/api/reports/2022', 'application/pdf'],
      ['provenance', '/api/figures/2022/provenance?figure=participants', 'application/json'],
    ] as const;
    const auditor = async (first: number): Promise<void> => {
      for (let i = first; !stop; i += inFlight) {
        const [kind, path, accept] = reads[i % reads.length]!;
        const key = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } }).then(
          async (response) => {
            await response.arrayBuffer();
            return `${kind} ${response.status}`;
          },
          () => `${kind} error`,
        );
        answers[key] = (answers[key] ?? 0) + 1;
      }
    };
    const auditors = Array.from({ length: inFlight }, (_, i) => auditor(i));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    for (let n = 0; Date.now() < until; n++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/participants`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: `p-bench-${n}`, role: 'citizen', registeredJobSeeker: false }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`The command answered ${response.status}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    stop = true;
    // At most a minute for the auditor's last answers; the timer must not then hold the bench for that minute.
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(auditors), new Promise((resolve) => (giveUp = setTimeout(resolve, 60_000)))]);
    clearTimeout(giveUp);
    latencies.sort((a, b) => a - b);
    const at = (q: number): number =>
      round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    return {
      seconds,
      auditor_in_flight: inFlight,
      commands: latencies.length,
      command_p50_ms: at(0.5),
      command_p99_ms: at(0.99),
      auditor_answers: answers,
      service_peak_rss_mb: server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}

/**
 * A data folder holding the demo year, kept under bench/.work/ for the runs
 * of the same build: loading it through the API took 20 to 45 s of a quick
 * run (load average 5 to 10), more than the measurement. Keyed by a digest
 * of the built service and of the data set, so that a change to either loads
 * it again. The measured service starts on a copy, as a service restarted on
 * its data.
 */
async function demoDataDir(): Promise<string> {
  const digest = createHash('sha256');
  for (const file of filesUnder(join(ROOT, 'dist'))) digest.update(file).update(readFileSync(file));
  digest.update(readFileSync(join(ROOT, 'demo', 'programme-2022.json')));
  const dir = join(WORK_DIR, 'demo', digest.digest('hex').slice(0, 16));
  if (existsSync(dir)) return dir;
  rmSync(join(WORK_DIR, 'demo'), { recursive: true, force: true });
  const loading = scratchDir('auditor-demo');
  const server = await startService(loading, undefined, { LOG_LEVEL: 'error' });
  try {
    await loadDemo(server);
  } finally {
    await server.stop();
  }
  cpSync(loading, `${dir}.loading`, { recursive: true });
  renameSync(`${dir}.loading`, dir);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The demo year, replayed into the running service as the README does. */
function loadDemo(server: RunningServer): Promise<void> {
  const token = (server.auth.authorization ?? '').replace(/^Bearer /, '');
  const child = spawn(process.execPath, ['dist/demo/run-demo.js', '--url', server.url, '--token', token], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // What the demo says when it fails (the request and the service's answer), for the bench's error.
  let said = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (said = (said + text).slice(-2000)));
  return new Promise((resolve, reject) =>
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`The demo exited with ${code}: ${said.trim()}`)),
    ),
  );
}
