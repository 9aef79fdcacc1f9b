import { spawn } from 'node:child_process';
import { tracked } from './child-processes.js';
import { ROOT } from './service-process.js';

/** Long enough for `verify` on the demo log on a loaded machine; a hung command is killed, not waited for. */
const DEFAULT_TIMEOUT_MS = 120_000;

/** Runs a built script (`node dist/….js …`) to its end, or kills it once `timeoutMs` has passed. */
export function runNode(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = tracked(
      spawn(process.execPath, args, {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      }),
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) =>
      resolve({ code, output: signal ? `${output}\n(killed by ${signal} after at most ${timeoutMs} ms)` : output }),
    );
  });
}

/** Runs the built command line (`node dist/cli.js …`) to its end. */
export const runCli = (args: readonly string[], env: Record<string, string>, timeoutMs?: number) =>
  runNode(['dist/cli.js', ...args], env, timeoutMs);
