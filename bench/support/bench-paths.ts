import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, whether this file runs from bench/ or compiled under bench/.work/dist/bench/. */
export const ROOT = fileURLToPath(
  new URL(import.meta.url.includes('/.work/dist/') ? '../../../../../' : '../../', import.meta.url),
);

/** Everything a run writes, ignored by git: the cached logs and each run's scratch files. */
export const WORK_DIR = join(ROOT, 'bench', '.work');

/** A fresh, empty folder for one measurement. */
export function scratchDir(name: string): string {
  const path = join(WORK_DIR, 'run', name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}
