import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT } from './bench-paths.js';
import { SERVICE_NODE_FLAGS } from './child-process.js';

export interface RunningServer {
  readonly url: string;
  /** The headers that authenticate a request as the coordinator (the service only). */
  readonly auth: Record<string, string>;
  /** The process's peak resident memory so far (VmHWM, Linux), in MB; its worker threads count in it. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/**
 * The real built service (`node dist/main.js`) on `dataDir`, in its own
 * process, on a free port, with a fresh ADMIN_TOKEN; waited for until /health
 * answers (a large log takes a while to load).
 */
export async function startService(
  dataDir: string,
  timeoutMs = 180_000,
  settings: Readonly<Record<string, string>> = {},
): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const env = {
    ...settings,
    DATA_DIR: dataDir,
    ADMIN_TOKEN: token,
    // All the load comes from one coordinator token: its rate limit must not be what is measured.
    COORDINATOR_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const port = await freePort();
  // BENCH_PROFILE_DIR=<dir>: the service writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR;
  const flags = profile ? [...SERVICE_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${profile}`] : SERVICE_NODE_FLAGS;
  const args = [...flags, 'dist/main.js'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer /health within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    auth: { authorization: `Bearer ${token}` },
    peakRssMb: () => peakRssMb(child.pid),
    stop: () => stopChild(child),
  };
}

/** A baseline server of bench/servers/ in its own process; it tells its port over IPC. */
export function startBenchServer(script: string, args: readonly string[]): Promise<RunningServer> {
  const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
  const child = fork(path, [...args], {
    execArgv: [...SERVICE_NODE_FLAGS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        auth: {},
        peakRssMb: () => peakRssMb(child.pid),
        stop: () => stopChild(child),
      }),
    );
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
}

function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 102.4) / 10;
  } catch {
    return null;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
