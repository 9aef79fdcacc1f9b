import type { ChildProcess } from 'node:child_process';

/**
 * Every child process a test file spawns, until it exits. The setup file
 * (jest-setup.ts) kills those still running after the file's last test, so
 * that a failed test never leaves a service behind holding the run open.
 */
const running = new Set<ChildProcess>();

export function tracked<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGKILLs every child still running and waits for each to exit. */
export async function killRunningChildren(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  running.clear();
}
