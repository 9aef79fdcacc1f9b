/**
 * Jest in ESM mode. On Node 20, Jest cannot require() an ES module, and a few
 * CommonJS dependencies (@fastify/static, light-my-request) require ESM-only
 * packages: those few are compiled to CommonJS for the tests.
 */
const esmOnlyRequiredFromCjs = ['content-disposition', 'cookie'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // Our sources import `./x.js` for `./x.ts`; a package's `./data.json.js` (libphonenumber-js) is a module of its own.
  moduleNameMapper: { '^(\\.{1,2}/.*)(?<!\\.json)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    [`/node_modules/(${esmOnlyRequiredFromCjs.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { useESM: true, tsconfig: { allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyRequiredFromCjs.join('|')})/)`],
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Kills the child processes a test file left running, whether its tests passed or not.
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  // A test that waits for something that never comes fails after 30 s instead of holding the run;
  // the few that need longer (the crash test, the demo replay) say so themselves.
  testTimeout: 30_000,
  // If something still holds the process open after the run, say so after 2 s (run with
  // --detectOpenHandles to see what).
  openHandlesTimeout: 2_000,
};
