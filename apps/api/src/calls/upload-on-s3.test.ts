import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPipeline } from '@onterms/pipeline';
import { S3BlobStore } from '@onterms/storage';
import { startS3TestServer, type S3TestServer } from '@onterms/storage/testing/s3-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postUpload } from '../testing/multipart.ts';
import { demoCall } from '../testing/demo-call.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { callAnalysed } from '../testing/waiting.ts';

/**
 * Two hosts sharing nothing but PostgreSQL and an S3-compatible bucket: the API instance stores the
 * upload in the bucket from its own scratch directory; the worker, with another scratch directory
 * and another client, fetches it, prepares the audio and writes the derived files back; the API then
 * plays the recording with Range requests straight from the bucket.
 */
let s3: S3TestServer;
let t: TestApp;
let workerScratch: string;

beforeAll(async () => {
  s3 = await startS3TestServer();
  workerScratch = await mkdtemp(path.join(tmpdir(), 'onterms-worker-host-'));
  const workerStore = new S3BlobStore({ ...s3.settings, scratchDir: workerScratch });
  t = await createTestApp({
    store: (dir) => new S3BlobStore({ ...s3.settings, scratchDir: path.join(dir, 'api-host-scratch') }),
    pipeline: (deps) =>
      createPipeline({ redisUrl: null, concurrency: 1, deps: { ...deps, store: workerStore } }),
  });
});
afterAll(async () => {
  await t.close();
  await s3.stop();
  await rm(workerScratch, { recursive: true, force: true });
});

describe('a call on S3-compatible storage', () => {
  it('is uploaded on one host, analysed on another, and played in ranges from the bucket', async () => {
    const rep = await t.createUser('rep');
    const { audio: recording, transcript } = await demoCall();
    const res = await postUpload(
      t.sut,
      rep.headers,
      { clientName: 'ООО «СтройМаркет»', language: 'ru', repChannel: 'left' },
      [
        { name: 'audio', filename: 'call.ogg', content: recording },
        { name: 'transcript', filename: 'call.json', content: transcript },
      ],
    );
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;

    const call = await callAnalysed(t.sut, id, rep.headers, {
      what: 'the call to be analysed by the other host',
    });
    expect(call.channels).toBe(2);

    const audio = await t.sut.inject({
      method: 'GET',
      url: `/api/calls/${id}/audio`,
      headers: { ...rep.headers, range: 'bytes=100-1099' },
    });
    expect(audio.statusCode).toBe(206);
    expect(audio.rawPayload).toHaveLength(1000);
    const peaks = await t.sut.inject({ method: 'GET', url: `/api/calls/${id}/peaks`, headers: rep.headers });
    expect(peaks.statusCode).toBe(200); // written to the bucket by the worker host
    expect(await readdir(workerScratch)).toEqual([]); // the worker's downloads are cleaned up
  });
});
