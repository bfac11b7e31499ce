import { open } from 'node:fs/promises';

/**
 * fsync the file's data, and stamp it "now" so a blob's mtime means "committed at": that is what
 * the sweep grace period is measured against. Without the stamp it would be the time the last
 * byte arrived, which can be well before the commit (probe and duplicate check happen between).
 */
export async function syncAndStampFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const now = new Date();
    await handle.utimes(now, now);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a directory so a rename into it survives a power cut (POSIX: the entry lives in the dir). */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
