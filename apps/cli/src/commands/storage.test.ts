import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { LocalBlobStore, S3BlobStore } from '@onterms/storage';
import { startS3TestServer, type S3TestServer } from '@onterms/storage/testing/s3-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

let server: S3TestServer;
let dataDir: string;
beforeAll(async () => {
  server = await startS3TestServer();
  dataDir = await mkdtemp(join(tmpdir(), 'onterms-cli-storage-'));
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('onterms storage migrate', () => {
  it('copies the recordings to the configured bucket and says so; a second run copies nothing', async () => {
    const bytes = randomBytes(500_000);
    await new LocalBlobStore({ root: join(dataDir, 'blobs') }).put('recordings/r1.wav', bytes);
    const s = server.settings;
    const bucket = `cli-${randomBytes(4).toString('hex')}`;
    const env = {
      ONTERMS_DATA_DIR: dataDir,
      STORAGE: 's3',
      S3_ENDPOINT: s.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: s.region,
      S3_ACCESS_KEY_ID: s.accessKeyId,
      S3_SECRET_ACCESS_KEY: s.secretAccessKey,
    };
    const s3 = new S3BlobStore({ ...s, bucket, scratchDir: join(dataDir, 'scratch') });
    await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));

    const first = await runCli(['storage', 'migrate'], env);
    expect(first.code, first.err.join('\n')).toBe(0);
    expect(first.out.at(-1)).toBe(
      'Copied 1, already there 0, failed 0. Every blob is in the bucket, verified.',
    );
    expect(await buffer(await s3.createReadStream('recordings/r1.wav'))).toEqual(bytes);

    const second = await runCli(['storage', 'migrate'], env);
    expect(second.out.at(-1)).toMatch(/^Copied 0, already there 1, failed 0\./);
  });

  it('says what to set when no bucket is configured', async () => {
    const result = await runCli(['storage', 'migrate'], { ONTERMS_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(/Set STORAGE=s3 and S3_BUCKET/);
  });
});
