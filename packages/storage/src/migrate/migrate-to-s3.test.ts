import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../local/local-blob-store.ts';
import { S3BlobStore } from '../s3/s3-blob-store.ts';
import { useS3TestServer } from '../testing/s3-test-server.ts';
import { migrateToS3, type MigrationProgress } from './migrate-to-s3.ts';

const s3Test = useS3TestServer();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onterms-migrate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('moving an install’s recordings from disk to S3', () => {
  it('copies every blob under its key, verified, and a second run copies nothing', async () => {
    const local = new LocalBlobStore({ root: join(dir, 'blobs') });
    const recordings = {
      'recordings/2026/12/a.m4a': randomBytes(2_000_000),
      'derived/a/peaks.json': Buffer.from('[0,1,2]'),
      'derived/a/review.m4a': randomBytes(300_000),
    };
    for (const [key, bytes] of Object.entries(recordings)) await local.put(key, bytes);
    const bucket = `m-${randomBytes(4).toString('hex')}`;
    const s3 = new S3BlobStore({ ...s3Test.server.settings, bucket, scratchDir: join(dir, 'scratch') });
    await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
    // A half-done earlier run: one object there with other bytes and no recorded sha256.
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'derived/a/peaks.json', Body: Buffer.from('stale') }),
    );

    const seen: MigrationProgress[] = [];
    expect(await migrateToS3(local, s3, (p) => seen.push(p))).toEqual({
      copied: 3,
      alreadyThere: 0,
      failed: 0,
    });
    for (const [key, bytes] of Object.entries(recordings))
      expect(await buffer(await s3.createReadStream(key)), key).toEqual(bytes);
    expect(seen.map((p) => p.outcome)).toEqual(['copied', 'copied', 'copied']);

    expect(await migrateToS3(local, s3)).toEqual({ copied: 0, alreadyThere: 3, failed: 0 });
    expect(await local.exists('recordings/2026/12/a.m4a')).toBe(true); // never deletes the source
  });

  it('reports a bucket it cannot write to as failed, per blob, and stops nothing', async () => {
    const local = new LocalBlobStore({ root: join(dir, 'blobs-2') });
    await local.put('recordings/x.wav', randomBytes(1000));
    const s3 = new S3BlobStore({
      ...s3Test.server.settings,
      bucket: 'no-such-bucket',
      scratchDir: join(dir, 'scratch'),
    });
    const seen: MigrationProgress[] = [];
    expect(await migrateToS3(local, s3, (p) => seen.push(p))).toEqual({
      copied: 0,
      alreadyThere: 0,
      failed: 1,
    });
    expect(seen[0]).toMatchObject({ key: 'recordings/x.wav', outcome: 'failed' });
  });
});
