import type { ChunkFormat } from '@onterms/media';
import type { Language } from '@onterms/contracts';

/**
 * A raw speech-to-text engine: transcribes ONE chunk that already fits its limits. Everything
 * engine-agnostic — channel split, chunking at pauses, concurrency, stitching, the hallucination
 * guard, speaker mapping — is done once in `transcribeRecording` (transcribe-recording.ts).
 */
export interface SpeechEngine {
  /** Stored with the call as `stt_engine`: `openai`, `sherpa-onnx`. */
  readonly name: string;
  readonly model: string | null;
  readonly limits: SpeechEngineLimits;
  transcribeChunk(request: ChunkRequest): Promise<ChunkTranscription>;
  /** Frees native resources (local engine). */
  close?(): Promise<void> | void;
}

export interface SpeechEngineLimits {
  /** Largest upload, bytes (OpenAI: 25 MB). Infinity for none. */
  maxBytes: number;
  /** Longest chunk, seconds (gpt-4o transcription models: 1400 s). Infinity for none. */
  maxDurationSec: number;
  /** How chunks are encoded for this engine. */
  format: ChunkFormat;
}

export interface ChunkRequest {
  audioPath: string;
  contentType: string;
  durationSec: number;
  language: Language | null;
  /** Vocabulary prompt (may be null, e.g. for models that reject prompts). */
  prompt: string | null;
  signal: AbortSignal;
}

export interface RawSegment {
  /** Seconds from the start of the CHUNK. */
  start: number;
  end: number;
  text: string;
  /** Engine's own speaker label when it diarizes ('A', 'B', 'speaker_0' …). */
  speaker?: string;
  /** Whisper's probability that the segment is not speech, when given. */
  noSpeechProb?: number;
}

export interface ChunkTranscription {
  segments: RawSegment[];
  /**
   * `segments`: timestamps from the engine. `none`: text only — one segment spanning the chunk,
   * which the service splits into sentences with interpolated (approximate) times.
   */
  timing: 'segments' | 'none';
  /** True when `speaker` labels come from the engine's diarization. */
  diarized: boolean;
  /** Language the engine detected (ISO code or name), when it says. */
  language: string | null;
  /** The model that answered. */
  model: string | null;
}
