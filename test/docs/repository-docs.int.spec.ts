import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  ACTIVITY_FIGURES,
  PROJECT_FIGURES,
  PROJECT_STAGES,
  REJECTED_PROJECTS,
} from '../../src/figures/figure-definitions.js';
import { ROOT } from '../support/service-process.js';
import { startTestApp } from '../support/test-app.js';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The repository's files as a clone has them (tracked, and new ones not ignored). */
function repositoryFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listing.split('\n').filter((path) => path !== '' && existsSync(join(ROOT, path)));
}

describe('the contract is documented in the repository', () => {
  it('names every route of the OpenAPI document in docs/api.md', async () => {
    const app = await startTestApp();
    try {
      const document = (await app.get('/api/docs-json')).body as { paths: Record<string, object> };
      const apiDoc = read('docs/api.md');
      const routes = Object.keys(document.paths);

      expect(routes.length).toBeGreaterThan(20);
      expect(routes.filter((route) => !apiDoc.includes(route))).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('describes every figure of figure-definitions.ts in docs/domain.md', () => {
    const domainDoc = read('docs/domain.md');
    const figures = [
      ...Object.keys(ACTIVITY_FIGURES),
      ...Object.keys(PROJECT_FIGURES),
      ...PROJECT_STAGES.map((stage) => `projects.${stage}`),
      REJECTED_PROJECTS.key,
    ];

    expect(figures.filter((figure) => !domainDoc.includes(`\`${figure}\``))).toEqual([]);
  });
});

describe('the repository stands on its own', () => {
  const files = repositoryFiles().filter((path) => !/\.(png|jpe?g|pdf|db|ico|woff2?)$/.test(path));

  it('points to nothing outside itself: no ../shared, no spec folder', () => {
    const outside: string[] = [];
    for (const path of files) {
      const text = read(path);
      for (const match of text.matchAll(/(?:\.\.\/)+shared\/[\w./-]*/g)) {
        const target = resolve(dirname(join(ROOT, path)), match[0]);
        if (relative(ROOT, target).startsWith('..')) outside.push(`${path}: ${match[0]}`);
      }
      for (const match of text.matchAll(/(?<![\w/])spec\/(?:api|domain)\.md/g)) outside.push(`${path}: ${match[0]}`);
    }

    expect(outside).toEqual([]);
  });

  it('links only to files that exist, from the README and the docs', () => {
    const broken: string[] = [];
    for (const path of files.filter((file) => file.endsWith('.md'))) {
      for (const match of read(path).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = match[1] ?? '';
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(resolve(dirname(join(ROOT, path)), target))) broken.push(`${path}: ${target}`);
      }
    }

    expect(broken).toEqual([]);
  });
});
