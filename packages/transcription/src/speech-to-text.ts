/**
 * Speech-to-text API of @onterms/transcription (to be re-exported from index.ts).
 *
 *   const engine = createTranscriptionEngine(config.stt, media); // TranscriptionEngine | null
 *   await engine?.transcribe({ speechAudioPath, originalAudioPath, language, channels, repChannel, signal });
 */
export { createTranscriptionEngine, createSpeechEngine, DEFAULT_CONCURRENCY } from './factory.ts';
export {
  createRecordingTranscriber,
  transcribeRecording,
  type TranscribeRecordingOptions,
} from './transcribe-recording.ts';
export type {
  ChunkRequest,
  ChunkTranscription,
  RawSegment,
  SpeechEngine,
  SpeechEngineLimits,
} from './speech-engine.ts';
export {
  createOpenAIEngine,
  modelProfile,
  GPT4O_MAX_DURATION_SEC,
  OPENAI_MAX_BYTES,
  TEXT_ONLY_CHUNK_SEC,
  type OpenAIEngineOptions,
} from './openai-engine.ts';
export {
  createLocalEngine,
  resolveLocalModel,
  LOCAL_ENGINE_NAME,
  LOCAL_MAX_CHUNK_SEC,
  MODEL_HELP,
  type LocalModel,
} from './local-engine.ts';
export { isKnownHallucination, isHallucinatedSegment } from './hallucination-guard.ts';
export { buildVocabularyPrompt, DEFAULT_VOCABULARY } from './vocabulary.ts';
export { mapDiarizedSpeakers } from './stitch.ts';
export {
  TranscriptionError,
  type TranscriptionEngine,
  type TranscriptionRequest,
  type TranscriptionResult,
} from './engine.ts';
