import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import OpenAI, { APIConnectionError, APIError, APIUserAbortError, toFile } from 'openai';
import type { ChunkFormat } from '@onterms/media';
import { TranscriptionError } from './engine.ts';
import { DEFAULT_RETRY, parseRetryAfter, withRetry, type RetryDecision, type RetryPolicy } from './retry.ts';
import type {
  ChunkRequest,
  ChunkTranscription,
  RawSegment,
  SpeechEngine,
  SpeechEngineLimits,
} from './speech-engine.ts';

/** OpenAI's upload limit: 25 MB per request. */
export const OPENAI_MAX_BYTES = 25 * 1024 * 1024;
/** gpt-4o transcription models refuse audio over 1400 s ("longer than 1400 seconds which is the maximum for this model"). */
export const GPT4O_MAX_DURATION_SEC = 1400;
/** Text-only models: chunk length used so segments keep a useful (approximate) time. */
export const TEXT_ONLY_CHUNK_SEC = 60;

export interface OpenAIEngineOptions {
  /** Required by api.openai.com; self-hosted servers usually ignore it. */
  apiKey: string | null;
  /** Any OpenAI-compatible server: faster-whisper-server / speaches, LocalAI, vLLM … */
  baseURL?: string | null;
  /** Default `whisper-1`. */
  model?: string | null;
  /** Overrides of the per-model limits. */
  maxBytes?: number | null;
  maxDurationSec?: number | null;
  /** Upload encoding; default `flac` (lossless, cheap to encode). */
  format?: ChunkFormat | null;
  /** Per request (one chunk). Default 10 minutes. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

type ResponseMode = 'verbose_json' | 'json' | 'diarized_json';

interface ModelProfile {
  mode: ResponseMode;
  prompt: boolean;
  maxDurationSec: number;
}

/**
 * What each model accepts. whisper-1 and unknown models (self-hosted Whisper servers) get
 * verbose_json with segment timestamps; gpt-4o(-mini)-transcribe return JSON text only;
 * gpt-4o-transcribe-diarize returns speaker-labelled segments (diarized_json, no prompt allowed).
 */
export function modelProfile(model: string): ModelProfile {
  if (/diariz/i.test(model))
    return { mode: 'diarized_json', prompt: false, maxDurationSec: GPT4O_MAX_DURATION_SEC };
  if (/^gpt-4o(-mini)?-transcribe/i.test(model)) {
    return {
      mode: 'json',
      prompt: true,
      maxDurationSec: Math.min(GPT4O_MAX_DURATION_SEC, TEXT_ONLY_CHUNK_SEC),
    };
  }
  return { mode: 'verbose_json', prompt: true, maxDurationSec: Infinity };
}

/**
 * The `openai` engine, through the official SDK. The SDK's own retries are off (`maxRetries: 0`):
 * `withRetry` retries 429 / 408 / 409 / 5xx / connection errors / timeouts with exponential
 * backoff and full jitter, waiting at least the server's Retry-After; 400/401/403/404/413/415/422
 * (and 429 insufficient_quota) fail at once with a plain reason.
 */
export function createOpenAIEngine(options: OpenAIEngineOptions): SpeechEngine {
  const model = options.model ?? 'whisper-1';
  const profile = modelProfile(model);
  let mode = profile.mode;
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs ?? 10 * 60_000,
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const limits: SpeechEngineLimits = {
    maxBytes: options.maxBytes ?? OPENAI_MAX_BYTES,
    maxDurationSec: options.maxDurationSec ?? profile.maxDurationSec,
    format: options.format ?? 'flac',
  };

  async function send(request: ChunkRequest, attemptMode: ResponseMode): Promise<unknown> {
    const file = await toFile(await readFile(request.audioPath), basename(request.audioPath), {
      type: request.contentType,
    });
    const params: Record<string, unknown> = { file, model, response_format: attemptMode };
    if (request.language) params['language'] = request.language;
    if (profile.prompt && request.prompt) params['prompt'] = request.prompt;
    if (attemptMode === 'verbose_json') params['timestamp_granularities'] = ['segment'];
    if (attemptMode === 'diarized_json') params['chunking_strategy'] = 'auto';
    return client.audio.transcriptions.create(
      params as unknown as OpenAI.Audio.TranscriptionCreateParamsNonStreaming,
      {
        signal: request.signal,
      },
    );
  }

  return {
    name: 'openai',
    model,
    limits,
    async transcribeChunk(request) {
      try {
        const body = await withRetry(
          async () => {
            try {
              return await send(request, mode);
            } catch (error) {
              // A self-hosted server that does not do verbose_json: fall back to text for good.
              if (
                mode === 'verbose_json' &&
                error instanceof APIError &&
                error.status === 400 &&
                /response_format|verbose_json/i.test(error.message)
              ) {
                mode = 'json';
                return await send(request, mode);
              }
              throw error;
            }
          },
          classify,
          policy,
          request.signal,
        );
        return parseResponse(body, mode, model);
      } catch (error) {
        throw toTranscriptionError(error, request.signal);
      }
    },
  };
}

function classify(error: unknown): RetryDecision {
  if (error instanceof APIUserAbortError) return { retry: false };
  if (error instanceof APIConnectionError) return { retry: true }; // includes APIConnectionTimeoutError
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429 && isQuotaError(error)) return { retry: false };
    if (status === 429 || status === 408 || status === 409 || status >= 500) {
      return { retry: true, retryAfterMs: parseRetryAfter(error.headers as Headers | undefined) };
    }
    return { retry: false };
  }
  return { retry: false };
}

function isQuotaError(error: APIError): boolean {
  return error.code === 'insufficient_quota' || /quota/i.test(error.message);
}

/** Aborts pass through untouched (the job is being cancelled); everything else becomes a TranscriptionError. */
function toTranscriptionError(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted || error instanceof APIUserAbortError) return signal.reason ?? error;
  if (error instanceof TranscriptionError) return error;
  if (error instanceof APIConnectionError) {
    return new TranscriptionError(
      'The speech-to-text service did not answer in time; will try again later.',
      false,
      { cause: error },
    );
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const detail = serverMessage(error);
    if (status === 401)
      return new TranscriptionError(
        `The speech-to-text service rejected the API key (401): ${detail}. Check OPENAI_API_KEY.`,
        true,
        { cause: error },
      );
    if (status === 403)
      return new TranscriptionError(`The speech-to-text service refused access (403): ${detail}.`, true, {
        cause: error,
      });
    if (status === 404)
      return new TranscriptionError(
        `The speech-to-text model was not found (404): ${detail}. Check TRANSCRIBE_MODEL.`,
        true,
        { cause: error },
      );
    if (status === 429 && isQuotaError(error))
      return new TranscriptionError(`The speech-to-text account has no quota left: ${detail}.`, true, {
        cause: error,
      });
    if (status === 400 || status === 413 || status === 415 || status === 422) {
      return new TranscriptionError(
        `The speech-to-text service rejected the audio (${status}): ${detail}.`,
        true,
        { cause: error },
      );
    }
    return new TranscriptionError(
      `The speech-to-text service failed (${status || 'no status'}): ${detail}; will try again later.`,
      false,
      { cause: error },
    );
  }
  return new TranscriptionError(
    `Speech-to-text failed: ${error instanceof Error ? error.message : String(error)}`,
    false,
    { cause: error },
  );
}

function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : error.message;
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function parseResponse(body: unknown, mode: ResponseMode, model: string): ChunkTranscription {
  // Some servers answer text/plain; the SDK then hands back a string.
  const value = (typeof body === 'string' ? { text: body } : (body ?? {})) as {
    text?: unknown;
    language?: unknown;
    model?: unknown;
    segments?: unknown;
  };
  const language = typeof value.language === 'string' ? value.language : null;
  const answeredModel = typeof value.model === 'string' ? value.model : model;
  const rawSegments = Array.isArray(value.segments) ? (value.segments as Record<string, unknown>[]) : [];
  const segments: RawSegment[] = [];
  for (const s of rawSegments) {
    const start = Number(s['start']);
    const end = Number(s['end']);
    const text = typeof s['text'] === 'string' ? s['text'].trim() : '';
    if (!Number.isFinite(start) || !Number.isFinite(end) || !text) continue;
    const segment: RawSegment = { start: Math.max(0, start), end: Math.max(start, end), text };
    if (typeof s['speaker'] === 'string') segment.speaker = s['speaker'];
    if (typeof s['no_speech_prob'] === 'number') segment.noSpeechProb = s['no_speech_prob'];
    segments.push(segment);
  }
  if (segments.length > 0) {
    return {
      segments,
      timing: 'segments',
      diarized: mode === 'diarized_json' && segments.some((s) => s.speaker),
      language,
      model: answeredModel,
    };
  }
  const text = typeof value.text === 'string' ? value.text.trim() : '';
  return {
    segments: text ? [{ start: 0, end: 0, text }] : [],
    timing: 'none',
    diarized: false,
    language,
    model: answeredModel,
  };
}
