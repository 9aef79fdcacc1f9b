import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/** The web app, built into dist/web where the service serves it (src/http/web-app.ts). */
export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: false,
  // JSX with React's automatic runtime, by Vite's own transformer: no Babel, no plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under assets/: the service caches them for good.
    assetsDir: 'assets',
    reportCompressedSize: false,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for server-component bundlers; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: {
    root: webDir,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
