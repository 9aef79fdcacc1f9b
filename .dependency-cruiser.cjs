/**
 * The architecture rules npm test enforces: the domain (deciders, events,
 * commands, the figures model) is pure, and adapters stay out of each other.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment:
        'Deciders, events, commands and the figures model import nothing from Nest, the store, HTTP or the clock.',
      severity: 'error',
      from: {
        path: [
          '\\.(decider|events|commands)\\.ts$',
          '^src/shared/domain/',
          '\\.model\\.ts$',
          'programme-event\\.ts$',
          'figure-keys\\.ts$',
          'figures-shapes\\.ts$',
        ],
      },
      to: {
        path: [
          '^node_modules/',
          '^src/(event-store|http|projections|command-handling|app|config|operations|logging)/',
          '\\.(controller|handler|projection|module|dto)\\.ts$',
          'clock\\.ts$',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: ['\\.(decider|events|commands)\\.ts$', '^src/shared/domain/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'store-adapters-apart',
      comment: 'Nothing outside an adapter folder reaches into it; they are chosen by open-event-store.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/event-store/', '^src/cli/'] },
      to: { path: '^src/event-store/(sqlite|eventstoredb)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
