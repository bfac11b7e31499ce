import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BlobBody, PendingBlob, StoredBlob, WrittenBlob } from '../blob-store.ts';
import { StorageError } from '../errors.ts';
import { syncAndStampFile, syncDirectory } from './durability.ts';
import { writeMetered } from './metered-write.ts';

type State = 'open' | 'writing' | 'written' | 'committing' | 'committed' | 'aborted';

/**
 * The temp file lives inside the store root ('.tmp/'), i.e. on the same filesystem as the final
 * location, so commit is a rename: the blob appears under its key complete or not at all, even
 * if the process is killed at any point.
 */
export class LocalPendingBlob implements PendingBlob {
  private state: State = 'open';
  private result: WrittenBlob | null = null;

  constructor(
    readonly tempPath: string,
    private readonly maxBytes: number | undefined,
    private readonly pathForKey: (key: string) => string,
  ) {}

  get written(): WrittenBlob | null {
    return this.result;
  }

  async write(body: BlobBody): Promise<WrittenBlob> {
    this.expectState('open', 'write');
    this.state = 'writing';
    try {
      this.result = await writeMetered(this.tempPath, body, this.maxBytes);
      this.state = 'written';
      return this.result;
    } catch (error) {
      this.state = 'aborted';
      await rm(this.tempPath, { force: true });
      throw error;
    }
  }

  async commit(key: string): Promise<StoredBlob> {
    this.expectState('written', 'commit');
    const finalPath = this.pathForKey(key); // validates the key before we change state
    this.state = 'committing';
    try {
      await syncAndStampFile(this.tempPath);
      await mkdir(dirname(finalPath), { recursive: true });
      // Same key committed concurrently: rename(2) replaces atomically, last one wins; readers
      // see either whole file, and a reader with the old file open keeps reading the old inode.
      await rename(this.tempPath, finalPath).catch(async (error: NodeJS.ErrnoException) => {
        // A delete() of the directory's last blob removed the directory just after our mkdir.
        if (error.code !== 'ENOENT') throw error;
        await mkdir(dirname(finalPath), { recursive: true });
        await rename(this.tempPath, finalPath);
      });
      await syncDirectory(dirname(finalPath));
    } catch (error) {
      // Leave the blob retryable-by-abort: the temp file may still exist (e.g. mkdir failed).
      this.state = 'written';
      throw error;
    }
    this.state = 'committed';
    return { key, ...this.result! };
  }

  async abort(): Promise<void> {
    if (this.state === 'committed' || this.state === 'aborted') return;
    if (this.state === 'writing' || this.state === 'committing') {
      throw new StorageError('invalid_state', `Cannot abort while ${this.state}; wait for it to settle`);
    }
    this.state = 'aborted';
    await rm(this.tempPath, { force: true });
  }

  private expectState(expected: State, action: string): void {
    if (this.state !== expected) {
      throw new StorageError('invalid_state', `Cannot ${action} a pending blob that is ${this.state}`);
    }
  }
}
