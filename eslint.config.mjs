// Lint: the rules that catch bugs the type checker does not — a promise nobody awaits or catches, an async
// callback where a sync one is expected, awaiting a non-promise — on top of typescript-eslint's recommended set.
// The rest of recommended-type-checked (no-unsafe-*) is off: GraphQL and Kysely hand out `any` at their
// boundaries, and the casts it would force say less than the types already do. Run: npm run lint.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and GraphQL plumbing use `any` on purpose where the shape is the server's answer.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
