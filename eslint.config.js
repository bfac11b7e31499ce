import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const APPS_FROM_ELSEWHERE = {
  regex: '^(@onterms/(api|worker|cli|web)(/.*)?|(\\.\\./)+(api|worker|cli|web)/(src|scripts|e2e)/.*)$',
  message:
    'Apps are entry points: move what you need into a package (packages/domain, packages/contracts …).',
};
const DEPENDENCY_RULES = [
  APPS_FROM_ELSEWHERE,
  {
    regex:
      '^(@onterms/[a-z-]+/src/.*|(\\.\\./)+(?!(api|worker|cli|web)/)[a-z-]+/src/.*|(\\.\\./)+packages/.*)$',
    message:
      'Import a package by its name and the entry points its package.json `exports` lists, not its files.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Dependency rules (the architecture in the root README), checked by `npm run check`:
  // - nothing imports an app from another app or from a package (apps are entry points, not libraries);
  // - no deep import into another package's internals: only what its package.json `exports` lists —
  //   tsc already refuses an unlisted subpath (NodeNext resolution), this also refuses `…/src/…` and
  //   relative paths that climb into packages/;
  // - the web app takes only types from the server's packages (the contract), never their code —
  //   except @onterms/calendar, the one home of "which day is it in the company's zone", which has no
  //   Node API and runs in the browser as it runs on the server.
  // eslint's own rule (typescript-eslint's variant knows `import type`) rather than dependency-cruiser:
  // no new tool, and the same run as the rest of the lint.
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: DEPENDENCY_RULES }],
    },
  },
  {
    // The end-to-end harness and bench:web start the whole product and drive it with the API's test
    // helpers (free port, waiting, multipart bodies, seeded calls): a test of the apps together.
    files: ['apps/web/e2e/**', 'apps/web/scripts/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: DEPENDENCY_RULES.filter((p) => p !== APPS_FROM_ELSEWHERE) },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DEPENDENCY_RULES,
            {
              group: ['@onterms/*', '!@onterms/calendar'],
              allowTypeImports: true,
              message:
                'The web app imports only types from the server packages (`import type … from "@onterms/contracts"`); runtime code stays on the server (only @onterms/calendar runs in both).',
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they are frozen in time and never see the app's types.
    files: ['packages/db/src/migrations/**', 'packages/db/src/migrator*.ts', 'packages/db/src/testing.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
