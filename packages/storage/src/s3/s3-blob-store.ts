import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { StorageConfig } from '@onterms/config';
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
  WrittenBlob,
} from '../blob-store.ts';
import { BlobNotFoundError } from '../errors.ts';
import { assertValidKey } from '../keys.ts';
import { assertByteRange, beginTempFileWrite, putThroughPending } from '../pending-file-blob.ts';
import { sweepS3Store } from './s3-sweep.ts';

/** The bucket and its credentials, as `packages/config` parses them (`S3_*`). */
type S3Settings = Omit<Extract<StorageConfig, { kind: 's3' }>, 'kind'>;

export interface S3BlobStoreOptions extends S3Settings {
  /**
   * A local directory for this process's scratch files: uploads being received (ffprobe reads them
   * before they are committed) and downloads for ffmpeg. Never shared between hosts.
   */
  scratchDir: string;
  /** Multipart part size; S3's minimum is 5 MiB. Memory per upload is about partSize × queueSize. */
  partSize?: number;
}

/** The object's own record of its sha256, written at commit, read by `storage migrate` to verify. */
export const SHA256_METADATA = 'sha256';

/**
 * Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Yandex Object Storage), so
 * API instances and workers on several hosts share the recordings without a shared filesystem.
 * Writes stream from a local temp file through a multipart upload (a few parts in memory, never the
 * whole file); an object appears under its key only when the upload completes, so a killed upload
 * leaves nothing under any key. Reads are ranged GETs; ffmpeg gets a scratch copy.
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly scratchDir: string;
  private readonly partSize: number;

  constructor(options: S3BlobStoreOptions, client?: S3Client) {
    this.bucket = options.bucket;
    this.scratchDir = resolve(options.scratchDir);
    this.partSize = options.partSize ?? 8 * 1024 * 1024;
    this.client = client ?? new S3Client(clientConfig(options));
  }

  beginWrite(options: WriteOptions = {}): Promise<PendingBlob> {
    return beginTempFileWrite(this.scratchDir, options, (temp, written, key) =>
      this.publish(temp, written, key),
    );
  }

  put(key: string, body: BlobBody, options?: WriteOptions): Promise<StoredBlob> {
    return putThroughPending(this, key, body, options);
  }

  async createReadStream(key: string, range: ByteRange = {}): Promise<Readable> {
    assertValidKey(key);
    const { start, end } = range;
    assertByteRange(range);
    const header = start === undefined && end === undefined ? undefined : `bytes=${start ?? 0}-${end ?? ''}`;
    const response = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: header }))
      .catch((error: unknown) => {
        throw isNotFound(error) ? new BlobNotFoundError(key) : error;
      });
    return response.Body as Readable;
  }

  async stat(key: string): Promise<BlobStat | null> {
    assertValidKey(key);
    const head = await this.head(key);
    return head && { size: head.ContentLength ?? 0, mtime: head.LastModified ?? new Date(0) };
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  /** The sha256 recorded at commit, or null for an object written by something else. */
  async recordedSha256(key: string): Promise<string | null> {
    return (await this.head(key))?.Metadata?.[SHA256_METADATA] ?? null;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  localPath(): null {
    return null;
  }

  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    await mkdir(this.scratchDir, { recursive: true });
    const path = join(this.scratchDir, `${randomUUID()}.download`);
    try {
      await pipeline(await this.createReadStream(key), createWriteStream(path, { flags: 'wx' }));
      return await fn(path);
    } finally {
      await rm(path, { force: true });
    }
  }

  sweep(options: SweepOptions): Promise<SweepResult> {
    return sweepS3Store(this.client, this.bucket, this.scratchDir, options);
  }

  private async publish(tempPath: string, written: WrittenBlob, key: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      partSize: this.partSize,
      queueSize: 4,
      leavePartsOnError: false,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(tempPath),
        ContentLength: written.size,
        Metadata: { [SHA256_METADATA]: written.sha256 },
      },
    });
    await upload.done();
    await rm(tempPath, { force: true });
  }

  private async head(key: string) {
    return this.client
      .send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
  }
}

function clientConfig(options: S3BlobStoreOptions): S3ClientConfig {
  return {
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    ...(options.endpoint && { endpoint: options.endpoint }),
  };
}

export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export function createS3BlobStore(options: S3BlobStoreOptions): S3BlobStore {
  return new S3BlobStore(options);
}
