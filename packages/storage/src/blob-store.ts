import type { Readable } from 'node:stream';

/** What can be written: a stream (e.g. an upload), any async iterable of bytes, or a buffer. */
export type BlobBody = Readable | AsyncIterable<Uint8Array> | Uint8Array;

export interface WrittenBlob {
  size: number;
  /** Lowercase hex SHA-256 of the bytes, computed while streaming. */
  sha256: string;
}

export interface StoredBlob extends WrittenBlob {
  key: string;
}

export interface BlobStat {
  size: number;
  mtime: Date;
}

/** Inclusive byte offsets, as in HTTP Range and fs.createReadStream. */
export interface ByteRange {
  start?: number;
  end?: number;
}

export interface WriteOptions {
  /** Abort with TooLargeError (and delete the partial data) once the body exceeds this many bytes. */
  maxBytes?: number;
}

export interface SweepOptions {
  /** True when a DB row still points at the key. Called only for blobs older than the grace period. */
  isReferenced: (key: string) => Promise<boolean>;
  /**
   * Grace period. Temp files untouched for longer are leftovers of crashed writes; committed blobs
   * older than this that nothing references are orphans. It must exceed the time between commit()
   * and the DB insert that references the key.
   */
  olderThanMs: number;
}

export interface SweepResult {
  tempFilesRemoved: number;
  unreferencedBlobsRemoved: number;
  blobsKept: number;
}

/**
 * An upload in progress: nothing is visible under any key until commit().
 * Typical use: `write(upload)` → probe `tempPath` → dedupe by sha256 → `commit(key)` or `abort()`.
 */
export interface PendingBlob {
  /** A local file holding the bytes written so far (ffprobe needs a file before we commit). */
  readonly tempPath: string;
  /** Set once write() has succeeded. */
  readonly written: WrittenBlob | null;
  /**
   * Streams the whole body to the temp file, hashing and counting as it goes. Call once.
   * On any failure (including TooLargeError) the temp file is deleted and the blob is aborted.
   */
  write(body: BlobBody): Promise<WrittenBlob>;
  /** Makes the written bytes durable and visible under `key`, atomically. */
  commit(key: string): Promise<StoredBlob>;
  /** Deletes the temp data. Idempotent, and a no-op after commit, so it is safe in `finally`. */
  abort(): Promise<void>;
}

/**
 * Where recordings and derived files live. S3-shaped on purpose (keys, streams, ranges) so a
 * remote implementation can replace the local one; file paths only escape through localPath /
 * withLocalFile, for ffmpeg.
 */
export interface BlobStore {
  beginWrite(options?: WriteOptions): Promise<PendingBlob>;
  /** beginWrite + write + commit in one go, for derived files (review copy, peaks). */
  put(key: string, body: BlobBody, options?: WriteOptions): Promise<StoredBlob>;
  /** Rejects with BlobNotFoundError before any byte is sent, so the API can still answer 404. */
  createReadStream(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | null>;
  exists(key: string): Promise<boolean>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** The blob's file path when the store is local, otherwise null. */
  localPath(key: string): string | null;
  /** Runs `fn` with a local file holding the blob (the file itself when local, a temp download when remote). */
  withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T>;
  /** Removes crashed-write leftovers and blobs no DB row references. */
  sweep(options: SweepOptions): Promise<SweepResult>;
}
