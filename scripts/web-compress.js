/**
 * Writes a gzip and a Brotli copy of each built script and stylesheet beside it (dist/web/assets),
 * which the service sends to browsers that accept them (@fastify/static's preCompressed): a phone on
 * a poor connection fetches a quarter of the bytes, and the service compresses nothing per request.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = fileURLToPath(new URL('../dist/web/assets/', import.meta.url));
for (const name of readdirSync(assets).filter((file) => /\.(js|css)$/.test(file))) {
  const content = readFileSync(join(assets, name));
  writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
  writeFileSync(
    join(assets, `${name}.br`),
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
