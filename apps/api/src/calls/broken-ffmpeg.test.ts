import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { insertCall } from '@onterms/db';
import { newCallRow } from '@onterms/db/testing';
import { DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { createReplaceableBinary, type ReplaceableBinary } from '@onterms/media/testing/replaceable-binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '@onterms/pipeline/testing/fixtures';
import { postUpload } from '../testing/multipart.ts';
import { demoCall } from '../testing/demo-call.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { waitFor } from '../testing/waiting.ts';

/**
 * ffmpeg replaced under the running server by a binary that exits 1 or crashes (SIGSEGV), as a bad
 * upgrade or the OOM killer would: calls are never blamed ("damaged"), they fail with a reason that
 * says what broke and can be retried — by a person, or on their own once ffmpeg works again.
 */
let t: TestApp;
let ffmpeg: ReplaceableBinary;
let rep: Awaited<ReturnType<TestApp['createUser']>>;
let recording: Buffer;
let transcript: string;

beforeAll(async () => {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const binDir = await mkdtemp(path.join(tmpdir(), 'onterms-broken-ffmpeg-'));
  ffmpeg = await createReplaceableBinary(binDir, 'ffmpeg', DEFAULT_BINARY_PATHS.ffmpegPath);
  t = await createTestApp({
    ffmpegPath: ffmpeg.path,
    retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 50 },
    reconcileIntervalMs: 300,
  });
  rep = await t.createUser('rep');
  ({ audio: recording, transcript } = await demoCall());
});
afterAll(async () => {
  await ffmpeg.restore();
  await t.close();
});

/** A call as an upload leaves it (recording and transcript stored, queued), handed to the runner. */
async function queuedCall(): Promise<string> {
  const id = randomUUID();
  await t.store.put(`calls/${id}/original.ogg`, recording);
  await t.store.put(`calls/${id}/transcript.json`, Buffer.from(transcript));
  await insertCall(
    t.database.db,
    newCallRow({
      id,
      rep_id: rep.id,
      uploaded_by: rep.id,
      audio_key: `calls/${id}/original.ogg`,
      audio_sha256: id.replace(/-/g, ''),
      transcript_upload_key: `calls/${id}/transcript.json`,
    }),
  );
  await t.pipeline.queue.enqueueCall(id);
  return id;
}

const view = async (id: string) =>
  (await t.sut.inject({ method: 'GET', url: `/api/calls/${id}`, headers: rep.headers })).json();
const settled = (id: string, status: string) =>
  waitFor(async () => {
    const call = await view(id);
    return call.status === status ? call : undefined;
  }, `call ${status}`);

describe('ffmpeg broken under a running server', () => {
  it.each(['exit-1', 'segfault'] as const)(
    '%s: the call fails retryably, saying the audio tools broke; after the fix, retry → analysed once',
    async (fault) => {
      await ffmpeg.breakWith(fault);
      const id = await queuedCall();
      const failed = await settled(id, 'failed');
      expect(failed.failureCode).toBe('media_tools_broken');
      expect(failed.failureReason).toMatch(/audio tools/);
      expect(failed.failureReason).not.toMatch(/damaged|incomplete|ffmpeg exited|signal/);

      await ffmpeg.restore();
      const retried = await t.sut.inject({
        method: 'POST',
        url: `/api/calls/${id}/retry`,
        headers: rep.headers,
      });
      expect(retried.statusCode).toBe(202);
      const analysed = await settled(id, 'analyzed');
      expect(analysed).toMatchObject({ failureCode: null, failureReason: null });
      const once = await countRows(t.database.db, id);
      expect(once.analyses).toBe(1);

      // A second retry of an analysed call is refused and changes nothing.
      const again = await t.sut.inject({
        method: 'POST',
        url: `/api/calls/${id}/retry`,
        headers: rep.headers,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toBe('not_failed');
      expect(await countRows(t.database.db, id)).toEqual(once);
    },
  );

  it('a call failed by the outage is retried on its own once ffmpeg works again', async () => {
    await ffmpeg.breakWith('segfault');
    const id = await queuedCall();
    await settled(id, 'failed');
    await ffmpeg.restore();
    const analysed = await settled(id, 'analyzed');
    expect(analysed.failureCode).toBeNull();
    expect((await countRows(t.database.db, id)).analyses).toBe(1);
  });

  it('an upload while ffmpeg is broken is a 503 with Retry-After, and nothing is stored', async () => {
    await ffmpeg.breakWith('exit-1');
    try {
      const before = await t.database.db.selectFrom('calls').select('id').execute();
      const res = await postUpload(t.sut, rep.headers, {}, [
        { name: 'audio', filename: 'call.ogg', content: recording },
      ]);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.json()).toMatchObject({
        error: 'media_unavailable',
        message: expect.stringMatching(/nothing was stored/),
      });
      expect(await t.database.db.selectFrom('calls').select('id').execute()).toHaveLength(before.length);
      expect(await readdir(path.join(t.dir, 'blobs', '.tmp'))).toEqual([]);
    } finally {
      await ffmpeg.restore();
    }
  });
});
