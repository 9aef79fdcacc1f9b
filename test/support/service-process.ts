import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tracked } from './child-processes.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the service wrote to stdout and stderr. */
  output(): string;
  /** SIGTERM, then waits for the exit; returns the exit code (SIGKILL and an error if it does not stop). */
  stop(): Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A graceful stop takes a second or two; a service still running after this is killed and the test fails. */
const STOP_TIMEOUT_MS = 30_000;

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built service (`node dist/main.js`) as a child process and waits until /health answers.
 * `user` runs it as another user (when the tests run as root, whom file permissions do not stop).
 */
export async function startService(
  env: Record<string, string>,
  port?: number,
  user?: { readonly uid: number; readonly gid: number },
): Promise<ServiceProcess> {
  const chosen = port ?? (await freePort());
  const child = tracked(
    spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', HOST: '127.0.0.1', PORT: String(chosen), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    }),
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosen}`;

  // Generous: on a shared CI machine under heavy disk load, one fsync at start-up can take seconds.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer /health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      let hung = false;
      const timer = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      try {
        const code = await exited;
        if (hung) throw new Error(`The service did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM:\n${output}`);
        return code;
      } finally {
        clearTimeout(timer);
      }
    },
    kill: async (signal) => {
      child.kill(signal);
      await exited;
    },
  };
}
