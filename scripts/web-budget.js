/**
 * The web app's first-load budget: the JavaScript the page fetches before its first screen (the
 * entry script and the chunks it preloads), gzipped, measured from the build in dist/web.
 * Screens loaded later (lazy routes) are listed apart. Exits 1 over 200 kB.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1000;
const dir = fileURLToPath(new URL('../dist/web/', import.meta.url));
const page = readFileSync(join(dir, 'index.html'), 'utf8');
const firstLoad = [
  ...page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

let total = 0;
for (const file of firstLoad) {
  const size = gzipped(file);
  total += size;
  console.log(`first load  ${kB(size).padStart(9)}  ${file}`);
}
const later = readdirSync(join(dir, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => file.endsWith('.js') && !firstLoad.includes(file));
for (const file of later) console.log(`later       ${kB(gzipped(file)).padStart(9)}  ${file}`);
console.log(`First load: ${kB(total)} of JavaScript gzipped (budget ${kB(BUDGET_BYTES)})`);
if (firstLoad.length === 0 || total > BUDGET_BYTES) process.exit(1);
