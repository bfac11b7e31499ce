import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ageFile, blobStoreContract } from '../testing/blob-store-contract.ts';
import { useS3TestServer } from '../testing/s3-test-server.ts';
import { S3BlobStore } from './s3-blob-store.ts';

const s3Test = useS3TestServer();

/** A store on a bucket of its own (so a sweep sees only what its test wrote), or on the shared one. */
async function newStore(options: { partSize?: number; ownBucket?: boolean } = {}) {
  const scratchDir = await mkdtemp(join(tmpdir(), 'onterms-s3-scratch-'));
  const bucket = options.ownBucket ? `t-${randomBytes(6).toString('hex')}` : s3Test.server.settings.bucket;
  const store = new S3BlobStore({
    ...s3Test.server.settings,
    bucket,
    scratchDir,
    partSize: options.partSize,
  });
  if (options.ownBucket) await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
  return { store, scratchDir, bucket };
}

describe('the BlobStore contract on an S3-compatible server', () => {
  blobStoreContract(
    async () => {
      const { store, scratchDir, bucket } = await newStore({ partSize: 5 * 1024 * 1024, ownBucket: true });
      return {
        store,
        age: (key) => ageFile(s3Test.server.objectPath(bucket, key)),
        tempFiles: () => readdir(scratchDir).catch(() => []),
        close: () => rm(scratchDir, { recursive: true, force: true }),
      };
    },
    { bigMegabytes: 200, maxGrowthMegabytes: 100, serverReadsRangeEndZero: false },
  );
});

describe('S3 across hosts', () => {
  it('a blob committed by one instance is read, ranged and downloaded by another', async () => {
    const api = await newStore();
    const worker = await newStore();
    const data = randomBytes(3_000_000);
    const pending = await api.store.beginWrite();
    await pending.write(data);
    await pending.commit('recordings/shared.wav');

    expect(
      await buffer(await worker.store.createReadStream('recordings/shared.wav', { start: 100, end: 199 })),
    ).toEqual(data.subarray(100, 200));
    const sha = await worker.store.withLocalFile('recordings/shared.wav', async (path) =>
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
    expect(sha).toBe(createHash('sha256').update(data).digest('hex'));
    expect(await worker.store.recordedSha256('recordings/shared.wav')).toBe(sha);
    expect(await readdir(worker.scratchDir)).toEqual([]); // the download is cleaned up
  });

  it('a writer killed in the middle of a multipart upload leaves nothing under the key', async () => {
    const { store, scratchDir } = await newStore();
    const script = fileURLToPath(new URL('../testing/s3-upload-until-killed.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        JSON.stringify({ ...s3Test.server.settings, scratchDir }),
        'recordings/killed.wav',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('UPLOADING')) resolve();
      });
      child.on('exit', () => reject(new Error(`uploader exited before uploading: ${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // some parts are on the server by now
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await store.exists('recordings/killed.wav')).toBe(false);
    const left = await readdir(scratchDir);
    expect(left).toHaveLength(1); // the temp file of the dead write, for the sweep
    await ageFile(join(scratchDir, left[0]!));
    const result = await store.sweep({ olderThanMs: 60_000, isReferenced: async () => true });
    expect(result.tempFilesRemoved).toBe(1);
    expect(await readdir(scratchDir)).toEqual([]);
    expect(await store.exists('recordings/killed.wav')).toBe(false);
  });
});
