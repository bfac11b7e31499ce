import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptionError } from './engine.ts';
import {
  createOpenAIEngine,
  GPT4O_MAX_DURATION_SEC,
  modelProfile,
  OPENAI_MAX_BYTES,
} from './openai-engine.ts';
import { parseRetryAfter } from './retry.ts';
import type { ChunkRequest } from './speech-engine.ts';
import { startFakeOpenAI, type FakeHandler, type FakeServer } from './testing/fake-openai-server.ts';

let dir: string;
let audioPath: string;
let server: FakeServer | undefined;
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onterms-openai-'));
  audioPath = join(dir, 'chunk-0000.flac');
  await writeFile(audioPath, Buffer.from('fLaC-not-really-audio-but-bytes'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function engineWith(
  handler: FakeHandler,
  options: Parameters<typeof createOpenAIEngine>[0] = { apiKey: 'sk-test' },
) {
  server = await startFakeOpenAI(handler);
  return createOpenAIEngine({ retry: FAST_RETRY, ...options, baseURL: server.baseURL });
}

function request(overrides: Partial<ChunkRequest> = {}): ChunkRequest {
  return {
    audioPath,
    contentType: 'audio/flac',
    durationSec: 12,
    language: 'ru',
    prompt: 'Разговор об условиях оплаты: отсрочка платежа, пени.',
    signal: new AbortController().signal,
    ...overrides,
  };
}

const VERBOSE = {
  task: 'transcribe',
  language: 'russian',
  duration: 12,
  text: 'Оплата через тридцать дней. Пени ноль один процент.',
  segments: [
    {
      id: 0,
      start: 0.5,
      end: 3.2,
      text: ' Оплата через тридцать дней.',
      no_speech_prob: 0.01,
      avg_logprob: -0.2,
    },
    { id: 1, start: 4, end: 7.5, text: ' Пени ноль один процент.', no_speech_prob: 0.02, avg_logprob: -0.3 },
  ],
};

describe('openai engine against a loopback OpenAI-compatible server', () => {
  it('sends the multipart request the API expects and reads verbose_json segments', async () => {
    const engine = await engineWith(() => ({ json: VERBOSE }));
    const result = await engine.transcribeChunk(request());
    const sent = server!.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/audio/transcriptions');
    expect(sent.headers.authorization).toBe('Bearer sk-test');
    expect(sent.fields).toMatchObject({
      model: 'whisper-1',
      language: 'ru',
      prompt: 'Разговор об условиях оплаты: отсрочка платежа, пени.',
      response_format: 'verbose_json',
      timestamp_granularities: ['segment'],
    });
    expect(sent.file).toMatchObject({ field: 'file', filename: 'chunk-0000.flac', mimeType: 'audio/flac' });
    expect(sent.file!.bytes.toString()).toBe('fLaC-not-really-audio-but-bytes');
    expect(result).toEqual({
      timing: 'segments',
      diarized: false,
      language: 'russian',
      model: 'whisper-1',
      segments: [
        { start: 0.5, end: 3.2, text: 'Оплата через тридцать дней.', noSpeechProb: 0.01 },
        { start: 4, end: 7.5, text: 'Пени ноль один процент.', noSpeechProb: 0.02 },
      ],
    });
  });

  it('text-only models (gpt-4o-transcribe): json, no granularities, timing none, 60 s chunks', async () => {
    const engine = await engineWith(() => ({ json: { text: 'Net thirty, late fee one percent.' } }), {
      apiKey: 'sk-test',
      model: 'gpt-4o-transcribe',
    });
    expect(engine.limits).toEqual({ maxBytes: OPENAI_MAX_BYTES, maxDurationSec: 60, format: 'flac' });
    const result = await engine.transcribeChunk(
      request({ language: 'en', prompt: 'A call about payment terms: net 30.' }),
    );
    expect(server!.requests[0]!.fields).toEqual({
      model: 'gpt-4o-transcribe',
      language: 'en',
      prompt: 'A call about payment terms: net 30.',
      response_format: 'json',
    });
    expect(result).toMatchObject({
      timing: 'none',
      segments: [{ start: 0, end: 0, text: 'Net thirty, late fee one percent.' }],
    });
  });

  it('diarizing model: diarized_json with chunking_strategy, no prompt, speaker labels kept', async () => {
    const engine = await engineWith(
      () => ({
        json: {
          text: 'x',
          segments: [
            {
              id: 's1',
              type: 'transcript.text.segment',
              start: 0,
              end: 2,
              speaker: 'A',
              text: 'Добрый день.',
            },
            {
              id: 's2',
              type: 'transcript.text.segment',
              start: 2.5,
              end: 5,
              speaker: 'B',
              text: 'Здравствуйте.',
            },
          ],
        },
      }),
      { apiKey: 'sk-test', model: 'gpt-4o-transcribe-diarize' },
    );
    expect(engine.limits.maxDurationSec).toBe(GPT4O_MAX_DURATION_SEC);
    const result = await engine.transcribeChunk(request());
    expect(server!.requests[0]!.fields).toEqual({
      model: 'gpt-4o-transcribe-diarize',
      language: 'ru',
      response_format: 'diarized_json',
      chunking_strategy: 'auto',
    });
    expect(result.diarized).toBe(true);
    expect(result.segments.map((s) => s.speaker)).toEqual(['A', 'B']);
  });

  it('a server without verbose_json: falls back to json once and stays there', async () => {
    const engine = await engineWith((req) =>
      req.fields['response_format'] === 'verbose_json'
        ? {
            status: 400,
            json: {
              error: {
                message: "response_format 'verbose_json' is not supported",
                type: 'invalid_request_error',
              },
            },
          }
        : { json: { text: 'Предоплата пятьдесят процентов.' } },
    );
    expect((await engine.transcribeChunk(request())).timing).toBe('none');
    await engine.transcribeChunk(request());
    expect(server!.requests.map((r) => r.fields['response_format'])).toEqual([
      'verbose_json',
      'json',
      'json',
    ]);
  });

  it('429 with Retry-After: waits at least that long, then succeeds', async () => {
    const engine = await engineWith((_req, i) =>
      i === 0
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            json: { error: { message: 'Rate limit reached', type: 'requests' } },
          }
        : { json: VERBOSE },
    );
    const started = Date.now();
    const result = await engine.transcribeChunk(request());
    expect(result.segments).toHaveLength(2);
    expect(server!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After honoured (a lower bound, not a timing budget)
  });

  it('500 then success: retried with backoff', async () => {
    const engine = await engineWith((_req, i) =>
      i < 2 ? { status: 500, json: { error: { message: 'boom' } } } : { json: VERBOSE },
    );
    expect((await engine.transcribeChunk(request())).segments).toHaveLength(2);
    expect(server!.requests).toHaveLength(3);
  });

  it('a slow answer times out and is retried', async () => {
    const engine = await engineWith(
      (_req, i) => (i === 0 ? { delayMs: 2_000, json: VERBOSE } : { json: VERBOSE }),
      {
        apiKey: 'sk-test',
        timeoutMs: 300,
      },
    );
    expect((await engine.transcribeChunk(request())).segments).toHaveLength(2);
    expect(server!.requests).toHaveLength(2);
  });

  it('persistent 5xx: gives up after the attempts with a transient TranscriptionError', async () => {
    const engine = await engineWith(() => ({ status: 503, json: { error: { message: 'overloaded' } } }), {
      apiKey: 'sk-test',
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await engine.transcribeChunk(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ permanent: false });
    expect(server!.requests).toHaveLength(3);
  });

  it.each([
    [
      401,
      {
        error: {
          message: 'Incorrect API key provided: sk-test.',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
      /API key.*401.*Incorrect API key/,
    ],
    [
      404,
      {
        error: {
          message: 'The model `whisper-9` does not exist',
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      },
      /model was not found.*whisper-9/,
    ],
    [
      400,
      {
        error: {
          message: 'Invalid file format. Supported formats: flac, m4a, mp3',
          type: 'invalid_request_error',
        },
      },
      /rejected the audio.*Invalid file format/,
    ],
    [
      429,
      {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
      /no quota/,
    ],
  ])('%i fails at once, permanently, with the reason', async (status, body, message) => {
    const engine = await engineWith(() => ({ status, json: body }));
    const error = await engine.transcribeChunk(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ permanent: true });
    expect((error as Error).message).toMatch(message);
    expect(server!.requests).toHaveLength(1);
  });

  it('cancellation stops the request and rejects without a TranscriptionError', async () => {
    const engine = await engineWith(() => ({ delayMs: 5_000, json: VERBOSE }));
    const controller = new AbortController();
    const pending = engine.transcribeChunk(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('shutdown')), 100);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TranscriptionError);
    expect(server!.requests).toHaveLength(1);
  });
});

describe('model profiles and Retry-After parsing', () => {
  it('knows which models give timestamps', () => {
    expect(modelProfile('whisper-1').mode).toBe('verbose_json');
    expect(modelProfile('Systran/faster-whisper-large-v3').mode).toBe('verbose_json');
    expect(modelProfile('gpt-4o-mini-transcribe-2025-12-15').mode).toBe('json');
    expect(modelProfile('gpt-4o-transcribe-diarize').mode).toBe('diarized_json');
  });

  it('reads seconds, milliseconds and HTTP dates', () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(parseRetryAfter(h({ 'retry-after': '7' }))).toBe(7000);
    expect(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '7' }))).toBe(250);
    expect(parseRetryAfter(h({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(parseRetryAfter(h({}))).toBeNull();
  });
});
