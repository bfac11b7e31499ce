import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rules live in eslint.config.js and run with `npm run check`; these pin that they bite.
const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message.match(/'([^']+)' import is restricted/)?.[1] ?? m.message);
}

describe('dependency rules', () => {
  it.each([
    {
      rule: 'refuse an app imported from a package',
      file: 'packages/domain/src/probe.ts',
      code: "import { app } from '@onterms/api';\nexport { app };\n",
      refused: ['@onterms/api'],
    },
    {
      rule: 'refuse an app imported from another app',
      file: 'apps/cli/src/probe.ts',
      code: "import { x } from '../../api/src/calls/call-routes.ts';\nexport { x };\n",
      refused: ['../../api/src/calls/call-routes.ts'],
    },
    {
      rule: "refuse deep imports into another package's files",
      file: 'packages/pipeline/src/probe.ts',
      code: "import { a } from '../../media/src/ffmpeg.ts';\nimport { b } from '@onterms/db/src/connect.ts';\nexport { a, b };\n",
      refused: ['../../media/src/ffmpeg.ts', '@onterms/db/src/connect.ts'],
    },
    {
      rule: 'let the web app take types, never code, from the server packages',
      file: 'apps/web/src/probe.ts',
      code: "import type { CallDetail } from '@onterms/contracts';\nimport { REQUIRED_FLAGS } from '@onterms/contracts';\nexport const x: CallDetail | null = null;\nexport { REQUIRED_FLAGS };\n",
      refused: ['@onterms/contracts'],
    },
    {
      rule: 'let the web app run the calendar, the one package shared with the browser',
      file: 'apps/web/src/probe.ts',
      code: "import { dayIn } from '@onterms/calendar';\nexport const today = dayIn(new Date(), 'Europe/Moscow');\n",
      refused: [],
    },
    {
      rule: 'allow a package by its name and its own relative files',
      file: 'packages/pipeline/src/probe.ts',
      code: "import { createMedia } from '@onterms/media';\nimport { x } from './steps/analyse.ts';\nexport { createMedia, x };\n",
      refused: [],
    },
  ])('$rule', async ({ file, code, refused }) => {
    expect(await refusals(file, code)).toEqual(refused);
  });
});
