import { afterAll, beforeAll } from 'vitest';
import { makeTempDir } from './fixtures.ts';

/**
 * A temp dir for the enclosing suite: made before its first test (and before the suite's own
 * `beforeAll` hooks registered after this call), removed after its last. Read the path as `.dir`.
 */
export function useTempDir(): { readonly dir: string } {
  let made: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  beforeAll(async () => {
    made = await makeTempDir();
  });
  afterAll(() => made?.cleanup());
  return {
    get dir(): string {
      if (!made)
        throw new Error('useTempDir: the temp dir is made in beforeAll; read .dir inside a hook or test');
      return made.dir;
    },
  };
}
