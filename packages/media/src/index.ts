export { createMedia, type Media, type MediaConfig, type NormalizeOptions } from './media.ts';
export { MediaError, isMediaError, type MediaErrorCode } from './errors.ts';
export type { AudioInfo } from './probe.ts';
export type { ArrivingRecording } from './upload-probe.ts';
export { SPEECH_SAMPLE_RATE, type ChannelPick } from './normalize.ts';
export type { SpeechTrack, SpeechTrackRequest } from './prepare-speech.ts';
export type { SpeechChunks, SpeechChunksRequest } from './prepare-speech-chunks.ts';
export { REVIEW_COPY_CONTENT_TYPE, REVIEW_COPY_EXTENSION, type ReviewCopyInfo } from './review-copy.ts';
export { DEFAULT_PIXELS_PER_SECOND, type PeaksOptions, type WaveformPeaks } from './peaks.ts';
export { DEFAULT_TIMEOUT_MS, type KnownInfo, type OperationOptions } from './run-control.ts';
export {
  DEFAULT_SILENCE,
  silentFraction,
  type SilenceMap,
  type SilenceOptions,
  type SilenceSpan,
} from './silence.ts';
export {
  CHUNK_FORMATS,
  FLAC_ENCODER_ARGS,
  type AudioChunk,
  type ChunkFormat,
  type SplitOptions,
} from './chunk.ts';
export { maxChunkSeconds, planChunks, type ChunkLimits, type PlannedChunk } from './chunk-plan.ts';
export { hasRepClientSides, splitsRepAndClient } from './rep-client-split.ts';
export {
  probeAndDeriveCopies,
  writeDerivedCopies,
  type DerivedCopies,
  type DerivedCopiesRequest,
} from './derived-copies.ts';
