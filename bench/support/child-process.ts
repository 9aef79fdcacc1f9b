import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The V8 flags the service runs with (package.json's start, the CLI's shebang,
 * the Docker image): every measured process gets them, ours and the baselines
 * alike, so that a ratio compares code, not runtime settings.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--heap-growing-percent=100'];

type Message<T> = { readonly result: T } | { readonly error: string };

/**
 * Runs one measurement in its own Node process: it has the event loop and the
 * heap to itself (nothing left over from the previous measurement, its own peak
 * RSS), and answers its result over IPC. `script` is relative to bench/.
 */
export function runInChild<T>(script: string, args: readonly string[] = []): Promise<T> {
  const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
  return new Promise<T>((resolve, reject) => {
    const child = fork(path, [...args], {
      execArgv: [...SERVICE_NODE_FLAGS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: Message<T> | undefined;
    child.on('message', (message: Message<T>) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer && 'result' in answer) resolve(answer.result);
      else
        reject(
          new Error(`${script} failed (exit ${code}): ${answer && 'error' in answer ? answer.error : 'no answer'}`),
        );
    });
  });
}

/**
 * The child's side: runs the measurement and sends its result to the parent;
 * it starts once the calling module has been evaluated, its constants defined.
 */
export function answerParent<T>(work: (args: readonly string[]) => Promise<T>): void {
  setImmediate(() => void answer(work));
}

async function answer<T>(work: (args: readonly string[]) => Promise<T>): Promise<void> {
  let message: Message<T>;
  try {
    message = { result: await work(process.argv.slice(2)) };
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(message, () => process.exit('result' in message ? 0 : 1));
}
