import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia } from '@onterms/media';
import { speakReal } from '@onterms/media/chunk-test-audio';
import { TranscriptionError } from './engine.ts';
import { createLocalEngine, resolveLocalModel, toSegments } from './local-engine.ts';
import { transcriptionRequest } from './testing/requests.ts';
import { createRecordingTranscriber } from './transcribe-recording.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onterms-local-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const request = (path: string) => ({
  audioPath: path,
  contentType: 'audio/wav',
  durationSec: 3,
  language: 'ru' as const,
  prompt: null,
  signal: new AbortController().signal,
});

describe('sherpa-onnx local engine', () => {
  it('a missing model fails the call at once and says where to get one for Russian and English', async () => {
    const engine = createLocalEngine({ modelPath: join(dir, 'no-such-model') });
    expect(engine.limits).toEqual({ maxBytes: Infinity, maxDurationSec: 25, format: 'wav' });
    const error = await engine.transcribeChunk(request(join(dir, 'x.wav'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ permanent: true });
    const message = (error as Error).message;
    expect(message).toContain(`nothing at STT_MODEL_PATH=${join(dir, 'no-such-model')}`);
    expect(message).toMatch(/For Russian: sherpa-onnx-nemo-ctc-giga-am-v2-russian/);
    expect(message).toMatch(/For English: sherpa-onnx-nemo-parakeet-tdt-0\.6b-v2-int8/);
    expect(() => resolveLocalModel(null)).toThrow(/STT_MODEL_PATH is not set/);
  });

  it('recognises sherpa-onnx model layouts (int8 preferred) and rejects a directory without one', async () => {
    const giga = join(dir, 'sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19');
    await import('node:fs/promises').then((fs) => fs.mkdir(giga));
    await writeFile(join(giga, 'tokens.txt'), '');
    expect(() => resolveLocalModel(giga)).toThrow(/incomplete or not a sherpa-onnx model/);
    await writeFile(join(giga, 'model.onnx'), '');
    await writeFile(join(giga, 'model.int8.onnx'), '');
    expect(resolveLocalModel(giga)).toMatchObject({
      kind: 'nemo-ctc',
      files: { model: join(giga, 'model.int8.onnx') },
      nemo: true,
    });
  });

  it('turns token timestamps into segments split at pauses', () => {
    const result = {
      text: 'оплата завтра да',
      tokens: ['▁оплата', '▁завтра', '▁да'],
      timestamps: [0.2, 0.9, 3.0],
    };
    expect(toSegments(result, 5)).toEqual([
      { start: 0.2, end: 1.5, text: 'оплата завтра' },
      { start: 3.0, end: 3.6, text: 'да' },
    ]);
  });

  // The only allowed skip: a real run needs model weights, which no npm package ships and this
  // environment cannot download. Point STT_TEST_MODEL_PATH at a sherpa-onnx model directory to run it.
  const modelPath = process.env['STT_TEST_MODEL_PATH'];
  if (!modelPath) {
    console.log(
      '[local-engine] real run skipped: STT_TEST_MODEL_PATH is not set (no sherpa-onnx model on this machine; see README for which to download)',
    );
  }
  it.skipIf(!modelPath)(
    'transcribes generated Russian speech with a real model',
    async () => {
      const media = createMedia();
      const utterance = await speakReal(dir, 'real', 'Оплата в течение тридцати дней.', 'ru');
      const stt = createRecordingTranscriber(media, createLocalEngine({ modelPath: modelPath! }), {
        concurrency: 1,
      });
      const result = await stt.transcribe(transcriptionRequest(utterance.path));
      expect(stt.name).toBe('sherpa-onnx');
      expect(
        result.transcript.segments
          .map((s) => s.text)
          .join(' ')
          .toLowerCase(),
      ).toMatch(/оплат|тридцат/);
    },
    120_000,
  );
});
