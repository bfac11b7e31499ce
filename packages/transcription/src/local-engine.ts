import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Language } from '@onterms/contracts';
import { TranscriptionError } from './engine.ts';
import type { ChunkTranscription, RawSegment, SpeechEngine } from './speech-engine.ts';

/**
 * The offline engine: sherpa-onnx through `sherpa-onnx-node`, whose native addon comes prebuilt in
 * per-platform npm packages (sherpa-onnx-linux-x64 …, no install script, nothing compiled or
 * downloaded at install). One binding runs GigaAM (Russian), NVIDIA Parakeet (English), Whisper
 * and others; see the README for the choice and which model to download.
 *
 * Offline recognisers decode a whole utterance at once, so the service feeds them chunks of at most
 * LOCAL_MAX_CHUNK_SEC cut in pauses (GigaAM is trained on ≤ 25 s utterances, Whisper's window is 30 s).
 */
export const LOCAL_ENGINE_NAME = 'sherpa-onnx';
export const LOCAL_MAX_CHUNK_SEC = 25;

export const MODEL_HELP =
  'Download a sherpa-onnx model archive (GitHub k2-fsa/sherpa-onnx, release "asr-models"), unpack it on this ' +
  'machine and set STT_MODEL_PATH to its directory. For Russian: sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19 ' +
  '(GigaAM v2, 226 MB int8). For English: sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8 (~660 MB), or ' +
  'sherpa-onnx-whisper-small.en for a smaller one. For both languages: sherpa-onnx-whisper-medium or -large-v3.';

export type LocalModelKind = 'nemo-ctc' | 'transducer' | 'whisper';

export interface LocalModel {
  kind: LocalModelKind;
  directory: string;
  tokens: string;
  files: Record<string, string>;
  /** NeMo transducers (GigaAM RNNT, Parakeet TDT) need modelType 'nemo_transducer'. */
  nemo: boolean;
}

/**
 * Finds the model in STT_MODEL_PATH (a model directory, or a file inside one) by the file names
 * sherpa-onnx's archives use; prefers int8 files. Throws a permanent TranscriptionError saying
 * where to get a model when there is none.
 */
export function resolveLocalModel(modelPath: string | null | undefined): LocalModel {
  if (!modelPath)
    throw new TranscriptionError(
      `No local speech-to-text model is configured (STT_MODEL_PATH is not set). ${MODEL_HELP}`,
      true,
    );
  if (!existsSync(modelPath)) {
    throw new TranscriptionError(
      `The local speech-to-text model is missing: nothing at STT_MODEL_PATH=${modelPath}. ${MODEL_HELP}`,
      true,
    );
  }
  const directory = statSync(modelPath).isDirectory() ? modelPath : dirname(modelPath);
  const names = readdirSync(directory);
  const pick = (pattern: RegExp): string | undefined => {
    const matches = names
      .filter((n) => pattern.test(n))
      .sort((a, b) => Number(/int8/.test(b)) - Number(/int8/.test(a)));
    return matches[0] ? join(directory, matches[0]) : undefined;
  };
  const tokens = pick(/tokens\.txt$/);
  const encoder = pick(/encoder.*\.onnx$/);
  const decoder = pick(/decoder.*\.onnx$/);
  const joiner = pick(/joiner.*\.onnx$/);
  const single = pick(/^model.*\.onnx$/);
  const nemo = /nemo|giga-?am|parakeet/i.test(basename(directory));
  if (tokens && encoder && decoder && joiner)
    return { kind: 'transducer', directory, tokens, files: { encoder, decoder, joiner }, nemo };
  if (tokens && encoder && decoder)
    return { kind: 'whisper', directory, tokens, files: { encoder, decoder }, nemo: false };
  if (tokens && single) return { kind: 'nemo-ctc', directory, tokens, files: { model: single }, nemo: true };
  throw new TranscriptionError(
    `The local speech-to-text model at STT_MODEL_PATH=${modelPath} is incomplete or not a sherpa-onnx model ` +
      `(need tokens.txt with model.onnx, or encoder/decoder[/joiner] .onnx files). ${MODEL_HELP}`,
    true,
  );
}

export interface LocalEngineOptions {
  modelPath: string | null;
  /** CPU threads per decode. Default 2. */
  numThreads?: number;
}

interface SherpaResult {
  text?: string;
  lang?: string;
  tokens?: string[];
  timestamps?: number[];
}
interface SherpaStream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
}
interface SherpaRecognizer {
  createStream(): SherpaStream;
  decodeAsync(stream: SherpaStream): Promise<SherpaResult>;
}
interface SherpaModule {
  OfflineRecognizer: { createAsync(config: unknown): Promise<SherpaRecognizer> };
  readWave(path: string): { samples: Float32Array; sampleRate: number };
}

/** Pause between tokens that starts a new segment. */
const SEGMENT_GAP_SEC = 0.8;

export function createLocalEngine(options: LocalEngineOptions): SpeechEngine {
  let recognizer: Promise<{ recognizer: SherpaRecognizer; sherpa: SherpaModule; model: LocalModel }> | null =
    null;
  const load = (language: Language | null) => {
    recognizer ??= (async () => {
      const model = resolveLocalModel(options.modelPath);
      const sherpa = createRequire(import.meta.url)('sherpa-onnx-node') as SherpaModule;
      const modelConfig: Record<string, unknown> = {
        tokens: model.tokens,
        numThreads: options.numThreads ?? 2,
        provider: 'cpu',
        debug: 0,
      };
      if (model.kind === 'transducer') {
        modelConfig['transducer'] = model.files;
        if (model.nemo) modelConfig['modelType'] = 'nemo_transducer';
      } else if (model.kind === 'whisper') {
        modelConfig['whisper'] = {
          ...model.files,
          language: language ?? '',
          task: 'transcribe',
          tailPaddings: -1,
        };
      } else {
        modelConfig['nemoCtc'] = model.files;
      }
      try {
        const r = await sherpa.OfflineRecognizer.createAsync({
          featConfig: { sampleRate: 16000, featureDim: model.kind === 'whisper' ? 80 : 64 },
          modelConfig,
          decodingMethod: 'greedy_search',
        });
        return { recognizer: r, sherpa, model };
      } catch (error) {
        recognizer = null;
        throw new TranscriptionError(
          `The local speech-to-text model at ${model.directory} could not be loaded: ${String(error)}. ${MODEL_HELP}`,
          true,
          { cause: error },
        );
      }
    })().catch((error: unknown) => {
      recognizer = null;
      throw error;
    });
    return recognizer;
  };

  return {
    name: LOCAL_ENGINE_NAME,
    model: options.modelPath ? basename(options.modelPath.replace(/\/+$/, '')) : null,
    limits: { maxBytes: Infinity, maxDurationSec: LOCAL_MAX_CHUNK_SEC, format: 'wav' },
    async transcribeChunk(request): Promise<ChunkTranscription> {
      const { recognizer: r, sherpa, model } = await load(request.language);
      request.signal.throwIfAborted();
      const wave = sherpa.readWave(request.audioPath);
      const stream = r.createStream();
      stream.acceptWaveform(wave);
      const result = await r.decodeAsync(stream);
      request.signal.throwIfAborted();
      const segments = toSegments(result, request.durationSec);
      return {
        segments,
        timing: segments.length > 0 && result.timestamps?.length ? 'segments' : 'none',
        diarized: false,
        language: result.lang || null,
        model: basename(model.directory),
      };
    },
  };
}

/** Token timestamps → segments split at pauses; without timestamps, the whole text. */
export function toSegments(result: SherpaResult, durationSec: number): RawSegment[] {
  const text = (result.text ?? '').trim();
  if (!text) return [];
  const tokens = result.tokens ?? [];
  const times = result.timestamps ?? [];
  if (tokens.length === 0 || tokens.length !== times.length) return [{ start: 0, end: durationSec, text }];
  const segments: RawSegment[] = [];
  let current: { start: number; end: number; text: string } | null = null;
  tokens.forEach((token, i) => {
    const t = times[i]!;
    if (!current || t - current.end > SEGMENT_GAP_SEC) {
      if (current) segments.push(current);
      current = { start: t, end: t, text: '' };
    }
    current.text += token.replace(/▁/g, ' ');
    current.end = t;
  });
  if (current) segments.push(current);
  return segments
    .map((s, i) => ({
      start: s.start,
      // A token's timestamp is its start: a segment ends just before the next one, or at the chunk end.
      end: Math.min(
        durationSec,
        Math.max(s.end + 0.3, segments[i + 1] ? Math.min(segments[i + 1]!.start, s.end + 0.6) : s.end + 0.6),
      ),
      text: s.text.replace(/\s+/g, ' ').trim(),
    }))
    .filter((s) => s.text);
}
