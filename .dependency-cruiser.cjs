/**
 * The import-graph rule of the house (docs/architecture.md, ../shared/ARCHITECTURE.md "Rules of the house"),
 * checked by dependency-cruiser in the test command (test/import-graph.test.ts) and by hand with
 * `npm run check:imports`. Each rule names the arrow it forbids; tests (*.test.ts) may reach further than the code
 * they test (fixtures, helpers, a server to drive), except into a cycle.
 */
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, in src/ or web/src/ (type-only imports count: a cycle of types is still a knot for the reader).',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'pure-core',
      comment: 'src/core and src/gait are pure (they run unchanged in Node and the browser): they import each other and zod, nothing else (no edge, no Node built-in, no other package).',
      severity: 'error',
      from: { path: '^src/(core|gait)/', pathNot: TEST },
      to: { pathNot: ['^src/(core|gait)/', '^node_modules/zod/'] },
    },
    {
      name: 'store-only-stores',
      comment: 'The store never imports the server, the CLI or the use cases that call it.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: TEST },
      to: { path: '^src/(server|cli|services)/' },
    },
    {
      name: 'services-below-transports',
      comment: 'Use cases (src/services) are called by the server, the CLI and jobs; they import none of them (their errors are ServiceErrors, not HTTP problems).',
      severity: 'error',
      from: { path: '^src/services/', pathNot: TEST },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'server-not-cli',
      comment: 'The server never imports the CLI (the CLI starts the server, not the other way round).',
      severity: 'error',
      from: { path: '^src/server/', pathNot: TEST },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-not-store-or-cli',
      comment: 'The web app talks only to the HTTP API: it never imports the store, the CLI or the use cases.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/(store|cli|services)/' },
    },
    {
      name: 'web-only-api-types-of-server',
      comment: 'Of the server, the web app imports only the API types (src/server/api-types.ts, api-schemas.ts), and those type-only, so no server code reaches a bundle.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/server/', pathNot: '^src/server/api-(types|schemas)\\.ts$' },
    },
    {
      name: 'web-server-types-only',
      comment: 'See web-only-api-types-of-server: type-only imports.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves (an import the checker cannot follow would hide its arrow from the rules above).',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    progress: { type: 'none' },
  },
};
