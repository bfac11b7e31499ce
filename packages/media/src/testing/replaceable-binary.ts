/**
 * Test-only: a path that stands in for an ffmpeg/ffprobe binary and can be swapped, while a process
 * uses it, between the real binary and a broken one — the way an operator's bad upgrade, a missing
 * library or the OOM killer breaks the tools under a running worker. Each swap replaces the file
 * atomically (write + rename), so a run already started keeps the script it began with.
 */
import { chmod, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type BinaryFault = 'exit-1' | 'segfault';

export interface ReplaceableBinary {
  path: string;
  /** From now on the binary fails: exits 1 (with a message), or kills itself with SIGSEGV. */
  breakWith(fault: BinaryFault): Promise<void>;
  /** From now on the real binary runs again. */
  restore(): Promise<void>;
}

export async function createReplaceableBinary(
  dir: string,
  name: string,
  realPath: string,
): Promise<ReplaceableBinary> {
  const path = join(dir, name);
  let version = 0;
  const install = async (script: string) => {
    const next = `${path}.${++version}`;
    await writeFile(next, script);
    await chmod(next, 0o755);
    await rename(next, path);
  };
  const binary: ReplaceableBinary = {
    path,
    breakWith: (fault) =>
      install(
        fault === 'exit-1'
          ? '#!/bin/sh\necho "error while loading shared libraries: libavcodec.so: cannot open" >&2\nexit 1\n'
          : '#!/bin/sh\nkill -SEGV $$\n',
      ),
    restore: () => install(`#!/bin/sh\nexec '${realPath.replace(/'/g, `'\\''`)}' "$@"\n`),
  };
  await binary.restore();
  return binary;
}
