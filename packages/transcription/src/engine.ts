import type { Language, Transcript } from '@onterms/contracts';

/**
 * A speech-to-text engine, as the pipeline sees it. Engines (local Whisper, a hosted API, …) live
 * behind this interface; the pipeline hands one the normalised speech file and stores what comes back.
 *
 * An uploaded transcript is NOT an engine call: the pipeline parses it with `parseTranscriptFile`
 * and records `transcript_source = 'upload'`.
 *
 * Errors: throw `TranscriptionError` with `permanent: true` when retrying cannot help (the engine
 * rejects the audio, an unsupported language); anything else is treated as transient and retried.
 */
export interface TranscriptionEngine {
  /** Stable id stored with the call (`stt_engine`), e.g. `whisper-cpp`, `openai`. */
  readonly name: string;
  /** The model the engine is configured with, when it has one (`stt_model`). */
  readonly model: string | null;
  transcribe(request: TranscriptionRequest): Promise<TranscriptionResult>;
}

export interface TranscriptionRequest {
  /**
   * A local 16 kHz mono 16-bit PCM WAV (the call's speech copy) — or, with `makeSpeechAudio`, where
   * the engine writes it.
   */
  speechAudioPath: string;
  /**
   * The speech copy is not made yet: the engine writes it at `speechAudioPath` from
   * `originalAudioPath` (which it then requires), checking the recording as probe() does, and decodes
   * once for the copy, its pauses and its chunks — sending each chunk while the rest is decoded.
   * `onPrepared` is called once the copy is complete and every chunk cut (the CPU-heavy part is
   * over): the caller may store the copy and start other work while the requests go on.
   */
  makeSpeechAudio?: { onPrepared(): void };
  /** The language the uploader chose, or null to let the engine detect it. */
  language: Language | null;
  /** Channels of the ORIGINAL recording (the speech copy is always mono). */
  channels: number;
  /** Which side of a stereo original is the rep, when known: lets an engine attribute speakers. */
  repChannel: 'left' | 'right' | null;
  /** Fires when the job is being cancelled (shutdown); the engine should stop and reject. */
  signal: AbortSignal;
  /**
   * The ORIGINAL upload as a local file. Needed for the stereo split: with exactly 2 channels and a
   * known `repChannel`, each side is transcribed on its own (speaker `rep` / `client`). Without it,
   * the mono speech copy is transcribed and speakers stay `unknown` (unless the engine diarizes).
   */
  originalAudioPath?: string;
  /** Domain terms to bias recognition towards (the checklist's words); default: built-in payment words. */
  vocabulary?: readonly string[];
}

export interface TranscriptionResult {
  transcript: Transcript;
  /** Seconds of audio the engine processed (what a hosted engine bills). */
  audioSeconds: number;
  /** The model that actually answered (may differ from the configured one, e.g. an alias). */
  model: string | null;
  /**
   * Plain-language remarks to show on the call, e.g. that timestamps are approximate because the
   * model returns text only, or how many phantom segments were dropped. Empty when nothing to say.
   */
  notes?: string[];
  /** How many requests the engine made (chunks × channels). */
  requests?: number;
}

export class TranscriptionError extends Error {
  override readonly name = 'TranscriptionError';

  constructor(
    /** Plain language: shown to the uploader as the call's failure reason. */
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
