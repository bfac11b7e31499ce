import { mkdir, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type {
  BlobBody,
  BlobStat,
  BlobStore,
  ByteRange,
  PendingBlob,
  StoredBlob,
  SweepOptions,
  SweepResult,
  WriteOptions,
} from '../blob-store.ts';
import { BlobNotFoundError } from '../errors.ts';
import { assertValidKey } from '../keys.ts';
import { assertByteRange, beginTempFileWrite, putThroughPending } from '../pending-file-blob.ts';
import { syncAndStampFile, syncDirectory } from './durability.ts';
import { sweepLocalStore, walkFiles } from './sweep.ts';
import { isValidKey } from '../keys.ts';

/** Keys cannot start with '.', so this area never collides with a blob. */
const TEMP_DIR_NAME = '.tmp';

export interface LocalBlobStoreOptions {
  /** Directory holding the blobs; created if missing. */
  root: string;
}

/**
 * Blobs are files at `<root>/<key>`; writes in progress are `<root>/.tmp/<uuid>.partial`.
 */
export class LocalBlobStore implements BlobStore {
  readonly root: string;
  private readonly tempDir: string;

  constructor(options: LocalBlobStoreOptions) {
    this.root = resolve(options.root);
    this.tempDir = join(this.root, TEMP_DIR_NAME);
  }

  beginWrite(options: WriteOptions = {}): Promise<PendingBlob> {
    return beginTempFileWrite(this.tempDir, options, (temp, _written, key) => this.publish(temp, key));
  }

  /**
   * The temp file lives inside the store root ('.tmp/'), i.e. on the same filesystem as the final
   * location, so publishing is a rename: the blob appears under its key complete or not at all, even
   * if the process is killed at any point. Same key committed concurrently: rename(2) replaces
   * atomically, last one wins; a reader with the old file open keeps reading the old inode.
   */
  private async publish(tempPath: string, key: string): Promise<void> {
    const finalPath = this.pathFor(key);
    await syncAndStampFile(tempPath);
    await mkdir(dirname(finalPath), { recursive: true });
    await rename(tempPath, finalPath).catch(async (error: NodeJS.ErrnoException) => {
      // A delete() of the directory's last blob removed the directory just after our mkdir.
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dirname(finalPath), { recursive: true });
      await rename(tempPath, finalPath);
    });
    await syncDirectory(dirname(finalPath));
  }

  put(key: string, body: BlobBody, options?: WriteOptions): Promise<StoredBlob> {
    return putThroughPending(this, key, body, options);
  }

  async createReadStream(key: string, range: ByteRange = {}): Promise<Readable> {
    const path = this.pathFor(key);
    const { start, end } = range;
    assertByteRange(range);
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' || error.code === 'EISDIR' ? new BlobNotFoundError(key) : error;
    });
    // The stream owns the handle and closes it when done or destroyed.
    return handle.createReadStream({ start, end });
  }

  async stat(key: string): Promise<BlobStat | null> {
    const stats = await stat(this.pathFor(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (!stats?.isFile()) return null;
    return { size: stats.size, mtime: stats.mtime };
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  /** Also removes the directories the key leaves empty (`calls/<id>/` of a refused upload). */
  async delete(key: string): Promise<void> {
    const path = this.pathFor(key);
    await rm(path, { force: true });
    for (
      let dir = dirname(path);
      dir.startsWith(this.root + sep) && dir !== this.tempDir;
      dir = dirname(dir)
    ) {
      const removed = await rmdir(dir).then(
        () => true,
        () => false, // not empty (another blob, or a commit racing in: it retries), or gone already
      );
      if (!removed) break;
    }
  }

  localPath(key: string): string {
    return this.pathFor(key);
  }

  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    if (!(await this.exists(key))) throw new BlobNotFoundError(key);
    return fn(this.pathFor(key));
  }

  /** Every committed blob's key (writes in progress and files that could not be keys left out). */
  async *keys(): AsyncGenerator<string> {
    for await (const key of walkFiles(this.root, '', TEMP_DIR_NAME)) if (isValidKey(key)) yield key;
  }

  sweep(options: SweepOptions): Promise<SweepResult> {
    return sweepLocalStore(this.root, this.tempDir, TEMP_DIR_NAME, options);
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    const path = join(this.root, ...key.split('/'));
    // Belt and braces: validation already rules out escaping the root.
    if (!isAbsolute(path) || !path.startsWith(this.root + '/'))
      throw new Error(`key escaped the store root: ${key}`);
    return path;
  }
}

export function createLocalBlobStore(options: LocalBlobStoreOptions): LocalBlobStore {
  return new LocalBlobStore(options);
}
