import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they are frozen in time and never see the app's types.
    files: ['packages/db/src/migrations/**', 'packages/db/src/migrator*.ts', 'packages/db/src/testing.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
