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
};
