import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { LocalBlobStore } from '../local/local-blob-store.ts';
import type { S3BlobStore } from '../s3/s3-blob-store.ts';

export interface MigrationProgress {
  key: string;
  outcome: 'copied' | 'already_there' | 'failed';
  /** Why a copy failed (the object is left for the next run). */
  reason?: string;
}

export interface MigrationResult {
  copied: number;
  alreadyThere: number;
  failed: number;
}

/**
 * Copies every recording and derived file from the local store to an S3-compatible bucket under the
 * same key, so the database needs no change. Resumable: an object whose recorded sha256 matches the
 * local file is skipped, anything else is (re)uploaded. Verified: after each upload the object is
 * read back and hashed, and a mismatch counts as failed (and is deleted). Local files are never
 * deleted — switch to STORAGE=s3 once a run reports nothing failed, then remove `blobs/` yourself.
 */
export async function migrateToS3(
  source: LocalBlobStore,
  target: S3BlobStore,
  onProgress: (progress: MigrationProgress) => void = () => {},
): Promise<MigrationResult> {
  const result: MigrationResult = { copied: 0, alreadyThere: 0, failed: 0 };
  for await (const key of source.keys()) {
    try {
      const local = await sha256Of(await source.createReadStream(key));
      if ((await target.recordedSha256(key)) === local) {
        result.alreadyThere++;
        onProgress({ key, outcome: 'already_there' });
        continue;
      }
      await target.put(key, await source.createReadStream(key));
      const remote = await sha256Of(await target.createReadStream(key));
      if (remote !== local) {
        await target.delete(key);
        throw new Error(`read back with sha256 ${remote}, expected ${local}`);
      }
      result.copied++;
      onProgress({ key, outcome: 'copied' });
    } catch (error) {
      result.failed++;
      onProgress({ key, outcome: 'failed', reason: (error as Error).message });
    }
  }
  return result;
}

async function sha256Of(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback();
      },
    }),
  );
  return hash.digest('hex');
}
