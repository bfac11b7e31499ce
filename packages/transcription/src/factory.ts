import type { SttConfig } from '@onterms/config';
import type { Media } from '@onterms/media';
import type { TranscriptionEngine } from './engine.ts';
import { createLocalEngine, LOCAL_ENGINE_NAME } from './local-engine.ts';
import { createOpenAIEngine } from './openai-engine.ts';
import type { SpeechEngine } from './speech-engine.ts';
import { createRecordingTranscriber } from './transcribe-recording.ts';

/** Default chunk requests in flight per call: hosted APIs parallelise; a local model is CPU-bound. */
export const DEFAULT_CONCURRENCY = { openai: 4, [LOCAL_ENGINE_NAME]: 1 } as const;

/** The raw engine for STT_ENGINE, or null for none. */
export function createSpeechEngine(config: SttConfig): SpeechEngine | null {
  if (config.engine === null) return null;
  if (config.engine === 'openai') {
    return createOpenAIEngine({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      model: config.model,
      maxBytes: config.maxUploadBytes,
      maxDurationSec: config.maxChunkSeconds,
      format: config.uploadFormat,
      timeoutMs: config.requestTimeoutMs,
    });
  }
  const engine = createLocalEngine({ modelPath: config.modelPath });
  if (config.maxChunkSeconds !== null) {
    return {
      ...engine,
      transcribeChunk: engine.transcribeChunk,
      limits: { ...engine.limits, maxDurationSec: config.maxChunkSeconds },
    };
  }
  return engine;
}

/**
 * What the worker hands the pipeline as `engine`: STT_ENGINE's engine wrapped in the
 * recording transcriber (stereo split, chunking, guard, stitching), or null when speech-to-text is
 * off (`STT_ENGINE=none`, or unset without OPENAI_API_KEY) — calls without a transcript then wait.
 */
export function createTranscriptionEngine(config: SttConfig, media: Media): TranscriptionEngine | null {
  const engine = createSpeechEngine(config);
  if (!engine) return null;
  return createRecordingTranscriber(media, engine, {
    concurrency:
      config.concurrency ?? DEFAULT_CONCURRENCY[engine.name as keyof typeof DEFAULT_CONCURRENCY] ?? 2,
  });
}
