import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', '.tmp/', 'bin/', 'src/platform/http/static/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      // Fastify's own API hands out methods such as app.csrfProtection as hooks.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // School scope by construction: a module holds a SchoolDatabase handle, never the unscoped database.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              importNames: ['Kysely'],
              message: 'Modules hold a SchoolDatabase (src/platform/db/school-database.ts), never the unscoped Kysely.',
            },
          ],
          patterns: [
            {
              group: ['**/platform/db/school-scope.ts'],
              importNames: ['withSchool'],
              message: 'Use withSchool from src/platform/db/school-database.ts, which takes the SchoolDatabase handle.',
            },
          ],
        },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any(String), expect.arrayContaining…) are typed \`any\` by
    // design; inside expectations in tests that assignment is intended. Everything else stays checked.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
