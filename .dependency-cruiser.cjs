/**
 * The architecture's rules, checked on every `npm test` (`npm run depcheck`). See docs/architecture.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const CONTEXTS = '(agreements|assessments|promises|organisations|audit|auth|demo)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'A domain folder holds pure deciders, events and rules: it imports only other domain code — no NestJS, GraphQL, Kysely, event store, Node.js modules or npm packages.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/', pathNot: '\\.(spec|fixtures)\\.ts$' },
      to: { pathNot: '^src/[^/]+/domain/' },
    },
    {
      name: 'domain-specs-are-pure',
      comment: 'Domain specs and fixtures use the domain and the demo data, nothing else (they run without a service).',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/.+\\.(spec|fixtures)\\.ts$' },
      to: { pathNot: ['^src/[^/]+/domain/', '^src/demo/[^/]+-seed\\.ts$'] },
    },
    {
      name: 'event-store-knows-no-context',
      comment: 'The event store is infrastructure: it knows events as stored records, not the contexts that write them.',
      severity: 'error',
      from: { path: '^src/event-store/' },
      to: { path: `^src/${CONTEXTS}/` },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make the layers meaningless and the start-up order fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'The service never imports test or benchmark code (the image does not contain it).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
    // Not yet kept (issue 14 moves each read model into one folder with plain rows, and gives each context an index);
    // warnings until then, so the debt stays in sight and does not grow unnoticed.
    {
      name: 'read-models-return-plain-rows',
      comment: 'Read models return plain rows; resolvers map them to GraphQL types. They never import GraphQL or command inputs.',
      severity: 'warn',
      from: { path: '^src/[^/]+/read-models/' },
      to: { path: ['/graphql/', '\\.input\\.ts$', '/commands/', '^node_modules/(@nestjs/graphql|graphql)/'] },
    },
    {
      name: 'contexts-meet-through-their-index',
      comment: 'A context reaches another only through its public index.ts.',
      severity: 'warn',
      from: { path: '^src/(agreements|assessments|promises|organisations)/' },
      to: { path: '^src/(agreements|assessments|promises|organisations)/', pathNot: ['^src/$1/', '/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.d\\.ts$' },
  },
};
