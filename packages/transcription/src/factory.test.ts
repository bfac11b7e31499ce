import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@onterms/config';
import { createMedia } from '@onterms/media';
import { createSpeechEngine, createTranscriptionEngine } from './factory.ts';

const media = createMedia();

describe('createTranscriptionEngine(config)', () => {
  it('none: null (calls without a transcript wait)', () => {
    expect(createTranscriptionEngine(loadConfig({}).stt, media)).toBeNull();
    expect(
      createTranscriptionEngine(loadConfig({ OPENAI_API_KEY: 'sk', STT_ENGINE: 'none' }).stt, media),
    ).toBeNull();
  });

  it('openai by default when a key is set; model and limit overrides reach the engine', () => {
    const engine = createTranscriptionEngine(loadConfig({ OPENAI_API_KEY: 'sk' }).stt, media)!;
    expect([engine.name, engine.model]).toEqual(['openai', 'whisper-1']);
    const raw = createSpeechEngine(
      loadConfig({
        OPENAI_API_KEY: 'sk',
        TRANSCRIBE_MODEL: 'gpt-4o-transcribe',
        STT_MAX_CHUNK_SECONDS: '300',
        STT_MAX_UPLOAD_BYTES: '5000000',
        STT_UPLOAD_FORMAT: 'wav',
      }).stt,
    )!;
    expect(raw.limits).toEqual({ maxBytes: 5_000_000, maxDurationSec: 300, format: 'wav' });
  });

  it('sherpa-onnx: the local engine, named and with the model directory as its model', () => {
    const engine = createTranscriptionEngine(
      loadConfig({
        STT_ENGINE: 'sherpa-onnx',
        STT_MODEL_PATH: '/models/sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19',
      }).stt,
      media,
    )!;
    expect([engine.name, engine.model]).toEqual([
      'sherpa-onnx',
      'sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19',
    ]);
  });

  it('the sherpa-onnx native addon loads from its prebuilt npm package', () => {
    const sherpa = createRequire(import.meta.url)('sherpa-onnx-node') as {
      version: string;
      OfflineRecognizer: unknown;
    };
    expect(sherpa.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof sherpa.OfflineRecognizer).toBe('function');
  });
});
