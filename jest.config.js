/** Tests are TypeScript compiled by SWC (fast, keeps decorator metadata for NestJS). */
const swcTarget = { target: 'es2022' };

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  // Needs a real EventStoreDB: `npm run test:esdb` (see test/esdb-real/real-server.ts).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/esdb-real/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          ...swcTarget,
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
      },
    ],
    // Node 20 can require() these ESM-only packages (mercurius import()s one; jose verifies tokens), but jest cannot before Node 24.9:
    // compile them to CommonJS.
    '^.+\\.js$': ['@swc/jest', { jsc: { ...swcTarget, parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|quick-lru|mercurius|jose)/)'],
  testTimeout: 30000,
};
