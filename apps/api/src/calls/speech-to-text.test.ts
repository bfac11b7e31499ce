import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SttConfig } from '@onterms/config';
import { startFakeOpenAI, type FakeServer } from '@onterms/transcription/testing/fake-openai-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postUpload } from '../testing/multipart.ts';
import { callAnalysed } from '../testing/waiting.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * A recording uploaded without a transcript goes through the configured speech-to-text engine: the
 * real `openai` SDK against an OpenAI-compatible server on loopback, real ffmpeg, real Postgres.
 */
const DEMO = path.resolve(import.meta.dirname, '../../demo-data');
const SAID = [
  { start: 0.5, end: 6, text: 'Работаем с отсрочкой платежа тридцать дней с даты отгрузки.' },
  { start: 7, end: 13, text: 'При просрочке начисляем пени ноль целых одна десятая процента в день.' },
];

let fake: FakeServer;
let t: TestApp;
let rep: Awaited<ReturnType<TestApp['createUser']>>;

beforeAll(async () => {
  fake = await startFakeOpenAI(() => ({
    json: {
      text: SAID.map((s) => s.text).join(' '),
      language: 'russian',
      duration: 34,
      segments: SAID.map((s, id) => ({ id, ...s })),
    },
  }));
  const stt: SttConfig = {
    engine: 'openai',
    model: null,
    modelPath: null,
    apiKey: 'sk-test',
    baseURL: fake.baseURL,
    maxChunkSeconds: null,
    maxUploadBytes: null,
    uploadFormat: null,
    concurrency: null,
    requestTimeoutMs: 30_000,
  };
  t = await createTestApp({ stt });
  rep = await t.createUser('rep');
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

function analysed(id: string, after = 0) {
  return callAnalysed(t.sut, id, rep.headers, {
    what: 'the call to be transcribed and analysed',
    until: () => fake.requests.length > after,
  });
}

describe('a recording without a transcript', () => {
  let id: string;

  it('is transcribed by the configured engine, analysed, and shows engine, model and audio sent', async () => {
    const res = await postUpload(t.sut, rep.headers, { language: 'ru', clientName: 'Без расшифровки' }, [
      {
        name: 'audio',
        filename: 'call.ogg',
        content: await readFile(path.join(DEMO, 'stroymarket-terms.ogg')),
      },
    ]);
    expect(res.statusCode).toBe(202);
    id = res.json().id;

    const call = await analysed(id);
    expect(call.transcriptSource).toBe('stt');
    expect(call.engine).toMatchObject({ stt: 'openai', sttModel: 'whisper-1', sttNotes: expect.any(Array) });
    expect(call.engine.sttAudioSeconds).toBeGreaterThan(30);
    expect(call.transcript.segments.map((s: { text: string }) => s.text)).toEqual(SAID.map((s) => s.text));
    expect(call.transcript.segments[0].speaker).toBe('unknown');
    expect(call.flags.payment_terms.stated).toBe(true);
    expect(call.flags.deadline.stated).toBe(true);
    expect(call.flags.sanctions.stated).toBe(true);

    const sent = fake.requests[0]!;
    expect(sent.fields).toMatchObject({
      model: 'whisper-1',
      language: 'ru',
      response_format: 'verbose_json',
    });
    // The prompt carries the checklist's vocabulary, not only the engine's built-in words.
    expect(String(sent.fields.prompt)).toMatch(/отсрочка платежа/);
    expect(String(sent.fields.prompt)).toMatch(/товарная накладная/);
    expect(sent.file?.bytes.length).toBeGreaterThan(1000);
  });

  it('can be sent through speech-to-text again', async () => {
    const before = fake.requests.length;
    const res = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${id}/retranscribe`,
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ id, status: 'queued' });
    const call = await analysed(id, before);
    expect(call.transcript.segments).toHaveLength(SAID.length);
    expect(fake.requests.length).toBeGreaterThan(before);
  });

  it('is not re-transcribed when it came with its own transcript', async () => {
    const up = await postUpload(t.sut, rep.headers, {}, [
      { name: 'audio', filename: 'n.ogg', content: await readFile(path.join(DEMO, 'northwind-net30.ogg')) },
      {
        name: 'transcript',
        filename: 'n.json',
        content: await readFile(path.join(DEMO, 'northwind-net30.json')),
      },
    ]);
    const res = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${up.json().id}/retranscribe`,
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'conflict', message: expect.stringMatching(/transcript/) });
  });
});
