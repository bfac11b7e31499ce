import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  BlobBody,
  BlobStore,
  ByteRange,
  PendingBlob,
  StoredBlob,
  WriteOptions,
  WrittenBlob,
} from './blob-store.ts';
import { StorageError } from './errors.ts';
import { assertValidKey } from './keys.ts';
import { writeMetered } from './metered-write.ts';

type State = 'open' | 'writing' | 'written' | 'committing' | 'committed' | 'aborted';

/**
 * Makes a written temp file visible under `key`, complete or not at all: a rename on local disk, an
 * upload to object storage. It owns the temp file once it succeeds.
 */
export type PublishTempFile = (tempPath: string, written: WrittenBlob, key: string) => Promise<void>;

/**
 * An upload in progress as a local temp file (ffprobe needs a file before we commit): the same write
 * protocol for every store, which differs only in how a finished file is published.
 */
export class PendingFileBlob implements PendingBlob {
  private state: State = 'open';
  private result: WrittenBlob | null = null;

  constructor(
    readonly tempPath: string,
    private readonly maxBytes: number | undefined,
    private readonly publish: PublishTempFile,
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
    assertValidKey(key); // before we change state, so a bad key loses nothing
    this.state = 'committing';
    try {
      await this.publish(this.tempPath, this.result!, key);
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

/**
 * `beginWrite` for any store: a fresh temp file in `dir` (created if missing), published by `publish`
 * on commit. Only where the temp file lives and how it is published differ between stores.
 */
export async function beginTempFileWrite(
  dir: string,
  options: WriteOptions,
  publish: PublishTempFile,
): Promise<PendingBlob> {
  if (options.maxBytes !== undefined && !(options.maxBytes >= 0))
    throw new RangeError('maxBytes must be >= 0');
  await mkdir(dir, { recursive: true });
  return new PendingFileBlob(join(dir, `${randomUUID()}.partial`), options.maxBytes, publish);
}

/** `put` for any store: beginWrite + write + commit, the temp data gone whatever happens. */
export async function putThroughPending(
  store: Pick<BlobStore, 'beginWrite'>,
  key: string,
  body: BlobBody,
  options?: WriteOptions,
): Promise<StoredBlob> {
  assertValidKey(key); // fail before consuming the body
  const pending = await store.beginWrite(options);
  try {
    await pending.write(body);
    return await pending.commit(key);
  } finally {
    await pending.abort();
  }
}

/** Inclusive offsets as HTTP Range has them; nonsense is a programming error, not a 416. */
export function assertByteRange({ start, end }: ByteRange): void {
  if (start !== undefined && !(Number.isInteger(start) && start >= 0))
    throw new RangeError('start must be an integer >= 0');
  if (end !== undefined && !(Number.isInteger(end) && end >= (start ?? 0)))
    throw new RangeError('end must be an integer >= start');
}
