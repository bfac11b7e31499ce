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
  it('refuse an app imported from another app or from a package', async () => {
    expect(
      await refusals(
        'packages/domain/src/probe.ts',
        "import { app } from '@onterms/api';\nexport { app };\n",
      ),
    ).toEqual(['@onterms/api']);
    expect(
      await refusals(
        'apps/cli/src/probe.ts',
        "import { x } from '../../api/src/calls/call-routes.ts';\nexport { x };\n",
      ),
    ).toEqual(['../../api/src/calls/call-routes.ts']);
  });

  it("refuse deep imports into another package's files", async () => {
    expect(
      await refusals(
        'packages/pipeline/src/probe.ts',
        "import { a } from '../../media/src/ffmpeg.ts';\nimport { b } from '@onterms/db/src/connect.ts';\nexport { a, b };\n",
      ),
    ).toEqual(['../../media/src/ffmpeg.ts', '@onterms/db/src/connect.ts']);
  });

  it('let the web app take types, never code, from the server packages', async () => {
    expect(
      await refusals(
        'apps/web/src/probe.ts',
        "import type { CallDetail } from '@onterms/contracts';\nimport { REQUIRED_FLAGS } from '@onterms/contracts';\nexport const x: CallDetail | null = null;\nexport { REQUIRED_FLAGS };\n",
      ),
    ).toEqual(['@onterms/contracts']);
  });

  it('allow a package by its name and its own relative files', async () => {
    expect(
      await refusals(
        'packages/pipeline/src/probe.ts',
        "import { createMedia } from '@onterms/media';\nimport { x } from './steps/analyse.ts';\nexport { createMedia, x };\n",
      ),
    ).toEqual([]);
  });
});
