import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BullmqCallQueue } from '@onterms/pipeline';
import { silentLogger } from '@onterms/pipeline';
import { synth, truncate } from '@onterms/media/testing/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipart, postUpload, type FilePart } from '../testing/multipart.ts';
import { callAnalysed, waitFor } from '../testing/waiting.ts';
import { demoCall } from '../testing/demo-call.ts';
import { createTestApp, useTestApp, type TestUser } from '../testing/test-app.ts';

const t = useTestApp({ maxUploadBytes: 5 * 1024 * 1024 });
let rep: TestUser;
let recording: Buffer;
let transcript: string;

beforeAll(async () => {
  rep = await t.createUser('rep');
  ({ audio: recording, transcript } = await demoCall());
});

function upload(fields: Record<string, string>, files: FilePart[], headers = rep.headers) {
  const form = multipart(fields, files);
  return t.sut.inject({
    method: 'POST',
    url: '/api/calls',
    payload: form.body,
    headers: { ...form.headers, ...headers },
  });
}

const audioPart = (content: Buffer | string = recording, filename = 'call.ogg'): FilePart => ({
  name: 'audio',
  filename,
  content,
});

async function storedNothing(): Promise<void> {
  const rows = await t.database.db.selectFrom('calls').select('id').execute();
  const blobs = await readdir(path.join(t.dir, 'blobs'), { recursive: true }).catch(() => []);
  const visible = blobs.filter((f) => !f.startsWith('.tmp') && path.extname(f));
  const temps = (await readdir(path.join(t.dir, 'blobs', '.tmp')).catch(() => [])).length;
  expect({ rows: rows.length, visible, temps }).toEqual({ rows: 0, visible: [], temps: 0 });
}

describe('uploading a bad recording stores nothing and says why', () => {
  it('an empty audio file is a 400', async () => {
    const res = await upload({}, [audioPart(Buffer.alloc(0))]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'empty_file', message: expect.stringMatching(/empty/) });
    await storedNothing();
  });

  it('no audio part is a 400', async () => {
    const res = await upload({ clientName: 'X' }, []);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('empty_file');
    await storedNothing();
  });

  it('a text file named .mp3 is a 415: audio is judged by probing, not by its name', async () => {
    const res = await upload({}, [audioPart('this is not audio at all, just words', 'call.mp3')]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('unsupported_media_type');
    await storedNothing();
  });

  it('a cut-off recording is a 422', async () => {
    const whole = path.join(t.dir, 'whole.m4a');
    await synth(whole, 'sine=f=300:d=8', ['-c:a', 'aac']);
    const cut = await truncate(whole, path.join(t.dir, 'cut.m4a'), 0.5);
    const res = await upload({}, [audioPart(await readFile(cut), 'cut.m4a')]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('corrupt_audio');
    await storedNothing();
  });

  it('a file over the size limit is a 413', async () => {
    const res = await upload({}, [audioPart(Buffer.alloc(6 * 1024 * 1024, 1))]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      error: 'payload_too_large',
      message: expect.stringMatching(/5\.0 MB/),
    });
    await storedNothing();
  });

  it('more text fields than the registered limit is a 400 and stores nothing', async () => {
    const fields = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`extra${i}`, 'x']));
    const res = await upload(fields, [audioPart()]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'bad_request',
      message: expect.stringMatching(/Too many parts/),
    });
    await storedNothing();
  });

  it('an unknown rep is a 400', async () => {
    const res = await upload({ repId: '00000000-0000-4000-8000-000000000000' }, [audioPart()]);
    expect(res.json()).toMatchObject({ error: 'unknown_rep' });
    expect(res.statusCode).toBe(400);
    await storedNothing();
  });

  it('a broken transcript is a 400 that names the problem', async () => {
    const res = await upload({}, [
      audioPart(),
      { name: 'transcript', filename: 't.json', content: '{"language": "ru", "segments": [' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_transcript',
      message: expect.stringMatching(/t\.json/),
    });
    await storedNothing();
  });

  it('a bad field is a 400 naming the field', async () => {
    const res = await upload({ callType: 'cold_call' }, [audioPart()]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/callType/);
    expect(res.json().field).toBe('callType'); // the UI names it in the user's language
    const mono = await upload({ repChannel: 'left' }, [
      audioPart(await readFile(await synth(path.join(t.dir, 'mono.wav'), 'sine=f=200:d=2')), 'mono.wav'),
    ]);
    expect(mono.statusCode).toBe(400);
    expect(mono.json().message).toMatch(/2-channel/);
    await storedNothing();
  });

  it('a request that is not multipart is a 415', async () => {
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/calls',
      payload: { audio: 'x' },
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('unsupported_media_type');
  });

  it('without signing in it is a 401', async () => {
    const res = await upload({}, [audioPart()], {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
    await storedNothing();
  });

  it('when the queue is down it is a 503 and nothing is kept', async () => {
    const dead = await createTestApp({
      pipeline: async () => {
        const queue = new BullmqCallQueue({ redisUrl: 'redis://127.0.0.1:1', log: silentLogger });
        return { mode: 'bullmq', queue, close: () => queue.close() };
      },
    });
    try {
      const user = await dead.createUser('rep');
      const res = await postUpload(dead.sut, user.headers, { clientName: 'ООО «Новый клиент»' }, [
        audioPart(),
      ]);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.json().error).toBe('service_unavailable');
      expect(await dead.database.db.selectFrom('calls').select('id').execute()).toEqual([]);
      // The client the upload named (and created) goes with it.
      expect(await dead.database.db.selectFrom('clients').select('id').execute()).toEqual([]);
      const health = await dead.sut.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({
        status: 'degraded',
        database: { ok: true },
        queue: { ok: false },
      });
    } finally {
      await dead.close();
    }
  });
});

describe('a good upload', () => {
  let callId: string;
  /** A request about the uploaded call (`sub`: '', '/audio', '/peaks' …) as its rep. */
  const asRep = (method: 'GET' | 'POST', sub: string, headers: Record<string, string> = {}) =>
    t.sut.inject({ method, url: `/api/calls/${callId}${sub}`, headers: { ...rep.headers, ...headers } });

  it('is accepted at once and analysed in the background', async () => {
    const res = await upload(
      {
        clientName: 'ООО «СтройМаркет»',
        callType: 'credit_negotiation',
        recordedAt: '2026-11-20T09:30:00Z',
        language: 'ru',
        repChannel: 'left',
      },
      [audioPart(), { name: 'transcript', filename: 'stroymarket.json', content: transcript }],
    );
    expect(res.json()).toEqual({ id: expect.any(String), status: 'queued' });
    expect(res.statusCode).toBe(202);
    callId = res.json().id;

    const call = await callAnalysed(t.sut, callId, rep.headers);

    expect(call).toMatchObject({
      clientName: 'ООО «СтройМаркет»',
      callType: 'credit_negotiation',
      recordedAt: '2026-11-20T09:30:00.000Z',
      channels: 2,
      repChannel: 'left',
      transcriptSource: 'upload',
      engine: {
        checklist: { id: expect.any(String), version: expect.any(String) },
        rules: expect.any(String),
      },
    });
    expect(call.durationSec).toBeGreaterThan(30);
    expect(call.transcript.segments).toHaveLength(7);
    // The same shape `onterms analyze` prints.
    expect(Object.keys(call.flags).sort()).toEqual(['deadline', 'payment_terms', 'sanctions']);
    expect(call.flags.payment_terms).toMatchObject({
      stated: true,
      moments: [expect.objectContaining({ segment: 2, speaker: 'rep' })],
    });
    expect(call.flags.sanctions.stated).toBe(true);
    expect(call.deflection).toEqual({ present: false, moments: [], confidence: expect.any(Number) });
    // how sure the analysis is of each verdict, stored with it
    expect(call.flags.payment_terms.confidence).toBeGreaterThan(0.5);

    const list = await t.sut.inject({
      method: 'GET',
      url: '/api/calls?status=analyzed',
      headers: rep.headers,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: callId, flags: { payment_terms: true, sanctions: true, deflection: false } }],
    });
  });

  it('uploaded again by the same user returns the existing call', async () => {
    const res = await upload({}, [audioPart()]);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(callId);
    expect(await t.database.db.selectFrom('calls').select('id').execute()).toHaveLength(1);
  });

  it('streams its audio with HTTP Range so the player can seek', async () => {
    const audio = (range?: string, query = '') => asRep('GET', `/audio${query}`, range ? { range } : {});
    const whole = await audio();
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toMatch(/^audio\/webm/);
    const size = whole.rawPayload.length;

    const part = await audio('bytes=100-199');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(part.rawPayload).toEqual(whole.rawPayload.subarray(100, 200));

    const tail = await audio('bytes=-10');
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload).toEqual(whole.rawPayload.subarray(size - 10));

    const outside = await audio(`bytes=${size + 10}-`);
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${size}`);

    const original = await audio(undefined, '?variant=original');
    expect(original.rawPayload).toEqual(recording);
    expect(original.headers['content-disposition']).toMatch(/attachment/);
  });

  it('serves waveform peaks computed on the server', async () => {
    const res = await asRep('GET', '/peaks');
    expect(res.statusCode).toBe(200);
    const peaks = res.json();
    expect(peaks.channels).toBe(2);
    expect(peaks.peaks).toHaveLength(2);
    expect(peaks.length).toBeGreaterThan(30 * peaks.pixelsPerSecond - 2);
  });

  it('can be re-analysed', async () => {
    const res = await asRep('POST', '/reanalyze');
    expect(res.statusCode).toBe(202);
    await waitFor(async () => {
      const body = (await asRep('GET', '')).json();
      return body.status === 'analyzed' && body.flags ? body : undefined;
    }, 're-analysis');
  });

  it('is invisible to another rep: 404, as if it did not exist', async () => {
    const other = await t.createUser('rep');
    for (const url of [`/api/calls/${callId}`, `/api/calls/${callId}/audio`, `/api/calls/${callId}/peaks`]) {
      const res = await t.sut.inject({ method: 'GET', url, headers: other.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
    expect(
      (await t.sut.inject({ method: 'GET', url: '/api/calls', headers: other.headers })).json().total,
    ).toBe(0);
  });
});

describe('concurrent identical uploads', () => {
  it('end as one call that both requests answer with', async () => {
    const user = await t.createUser('rep');
    const wav = await readFile(await synth(path.join(t.dir, 'same.wav'), 'sine=f=523:d=3'));
    const [a, b] = await Promise.all([
      upload({}, [audioPart(wav, 'a.wav')], user.headers),
      upload({}, [audioPart(wav, 'b.wav')], user.headers),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 202]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await t.database.db
      .selectFrom('calls')
      .select('audio_key')
      .where('uploaded_by', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('the API describes itself', () => {
  it('publishes an OpenAPI document generated from the route schemas', async () => {
    expect((await t.sut.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    const res = await t.sut.inject({ method: 'GET', url: '/api/openapi.json', headers: rep.headers });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/calls',
        '/api/calls/{id}',
        '/api/calls/{id}/audio',
        '/api/calls/{id}/peaks',
        '/api/calls/{id}/reanalyze',
        '/api/health',
      ]),
    );
  });

  it('reports health', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/nope', headers: rep.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });
});
