/**
 * The architecture rules npm test enforces: the domain (deciders, events,
 * commands, the figures model) is pure, adapters stay out of each other, HTTP
 * stays at the edge, and no two folders depend on each other.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment:
        'Deciders, events, commands, the figure catalogue and the figures model import nothing from Nest, the store, HTTP or the clock; of libraries, only immutable (persistent collections: pure values).',
      severity: 'error',
      from: {
        path: [
          '\\.(decider|events|commands)\\.ts$',
          '^src/shared/domain/',
          '\\.model\\.ts$',
          'programme-event\\.ts$',
          'figure-keys\\.ts$',
          'figure-definitions\\.ts$',
          'figures-(shapes|state|changes)\\.ts$',
        ],
      },
      to: {
        path: [
          '^node_modules/',
          '^src/(event-store|http|projections|command-handling|app|config|operations|logging)/',
          '\\.(controller|handler|projection|module|dto)\\.ts$',
          'clock\\.ts$',
        ],
        pathNot: ['^node_modules/immutable/'],
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
      name: 'http-at-the-edge',
      comment:
        'Only the HTTP plumbing, the application that assembles it, controllers and DTOs know HTTP. ' +
        'Errors elsewhere say their kind (src/shared/errors.ts); src/http/problem-kinds.ts answers them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', '^src/app/', '\\.controller\\.ts$', '\\.dto\\.ts$'] },
      to: { path: '^src/http/' },
    },
    {
      name: 'dtos-use-only-validators',
      comment:
        "A DTO is the shape of a request's body or query, or of an answer: it may use the shared validators and the answer schemas' helpers, nothing else of HTTP.",
      severity: 'error',
      from: { path: '\\.dto\\.ts$' },
      to: { path: '^src/http/', pathNot: '^src/http/(validators|answer-schemas)\\.ts$' },
    },
    {
      name: 'shared-depends-on-nothing',
      comment: 'src/shared is the kernel every feature uses; it uses no feature.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment:
        'No two folders depend on each other, even when no module cycle joins them ' +
        '(auth used projects and sessions through project-access.ts, and they used auth).',
      severity: 'error',
      scope: 'folder',
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
