import { opendir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SweepOptions, SweepResult } from '../blob-store.ts';
import { Sweep } from '../sweep-rule.ts';

/**
 * Two kinds of garbage:
 *  - temp files whose writer died (crash, SIGKILL, abandoned upload). An in-flight write keeps
 *    touching its temp file, so "untouched for longer than the grace period" means dead;
 *  - committed blobs no DB row references (the process died between commit and insert, or a
 *    row was deleted). Only blobs committed longer ago than the grace period are considered, so
 *    an upload between commit() and its DB insert is never swept.
 * Files whose names could not be keys (not written by us) are left alone.
 */
export async function sweepLocalStore(
  root: string,
  tempDir: string,
  tempDirName: string,
  options: SweepOptions,
): Promise<SweepResult> {
  const sweep = new Sweep(options);

  for await (const tempFile of walkFiles(tempDir, '')) {
    if (await removeIfOlder(join(tempDir, tempFile), sweep.cutoff)) sweep.result.tempFilesRemoved++;
  }

  for await (const key of walkFiles(root, '', tempDirName)) {
    const path = join(root, ...key.split('/'));
    await sweep.blob(
      key,
      async () => (await stat(path).catch(() => null))?.mtimeMs ?? null,
      () => rm(path, { force: true }),
    );
  }
  return sweep.result;
}

async function removeIfOlder(path: string, cutoff: number): Promise<boolean> {
  const stats = await stat(path).catch(() => null);
  if (!stats || stats.mtimeMs >= cutoff) return false;
  await rm(path, { force: true });
  return true;
}

/** Relative '/'-joined paths of regular files under `dir`, streamed (opendir) so huge stores don't load at once. */
export async function* walkFiles(dir: string, prefix: string, skipTopLevel?: string): AsyncGenerator<string> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for await (const entry of handle) {
    if (prefix === '' && entry.name === skipTopLevel) continue;
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) yield* walkFiles(join(dir, entry.name), relative);
    else if (entry.isFile()) yield relative;
  }
}
