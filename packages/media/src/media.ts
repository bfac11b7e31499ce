import { configureBinaries, DEFAULT_BINARY_PATHS } from './binaries.ts';
import { splitAtSilences, type AudioChunk, type SplitOptions } from './chunk.ts';
import { normalizeForSpeech, type ChannelPick } from './normalize.ts';
import { computePeaks, type PeaksOptions, type WaveformPeaks } from './peaks.ts';
import { prepareSpeech, type SpeechTrack, type SpeechTrackRequest } from './prepare-speech.ts';
import { prepareSpeechChunks, type SpeechChunks, type SpeechChunksRequest } from './prepare-speech-chunks.ts';
import { probeAudio, type AudioInfo } from './probe.ts';
import { probeWhileArriving, type ArrivingRecording } from './upload-probe.ts';
import { encodeForReview, type ReviewCopyInfo } from './review-copy.ts';
import { DEFAULT_TIMEOUT_MS, toRunControl, type KnownInfo, type OperationOptions } from './run-control.ts';
import { detectSilence, measureLevelDb, type SilenceMap, type SilenceOptions } from './silence.ts';

export interface MediaConfig {
  /** Defaults to the binary shipped by @ffmpeg-installer/ffmpeg. */
  ffmpegPath?: string;
  /** Defaults to the binary shipped by @ffprobe-installer/ffprobe. */
  ffprobePath?: string;
}

export interface NormalizeOptions extends OperationOptions, KnownInfo {
  /** Default 'mix'. */
  channel?: ChannelPick;
}

export interface Media {
  /** Validates and describes a recording. Rejects with MediaError not_audio / corrupt. */
  probe(filePath: string, options?: OperationOptions): Promise<AudioInfo>;
  /** probe() for a recording still being uploaded: its start is checked while the rest arrives (upload-probe.ts). */
  probeWhileArriving(options?: OperationOptions): ArrivingRecording;
  /** 16 kHz mono s16le WAV for speech-to-text, written atomically to `output`. */
  normalizeForSpeech(input: string, output: string, options?: NormalizeOptions): Promise<void>;
  /**
   * The speech WAV(s) of a recording — the mix, or `left` and `right` of a stereo call — with each
   * track's pauses, from one decode (see prepare-speech.ts).
   */
  prepareSpeech(
    input: string,
    tracks: readonly SpeechTrackRequest[],
    options?: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'> & OperationOptions,
  ): Promise<SpeechTrack[]>;
  /**
   * probe(), the speech WAV (the mix), its pauses and its chunks with the decode, the pause scan and
   * the chunk encodes overlapped (see prepare-speech-chunks.ts): what detectSilence + splitAtSilences
   * make from probeAndDeriveCopies' speech WAV, each chunk reported as soon as it is ready.
   */
  prepareSpeechChunks(
    input: string,
    request: SpeechChunksRequest,
    options?: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'> & OperationOptions,
  ): Promise<SpeechChunks>;
  /** Opus-in-WebM copy for the review player, written atomically to `output`. */
  encodeForReview(
    input: string,
    output: string,
    options?: OperationOptions & KnownInfo,
  ): Promise<ReviewCopyInfo>;
  /** Waveform min/max peaks per channel, decoded in a streaming pass. */
  computePeaks(input: string, options?: PeaksOptions & OperationOptions & KnownInfo): Promise<WaveformPeaks>;
  /**
   * Pauses in the recording (ffmpeg silencedetect semantics), for one channel or the mix. A speech
   * WAV is read directly, without decoding.
   */
  detectSilence(input: string, options?: SilenceOptions & OperationOptions): Promise<SilenceMap>;
  /** Cuts a speech WAV into chunk files under the limits, in pauses (see chunk.ts). */
  splitAtSilences(
    input: string,
    outDir: string,
    options: SplitOptions & OperationOptions,
  ): Promise<AudioChunk[]>;
  /** RMS level (dBFS) of a span of a 16-bit mono WAV. */
  measureLevelDb(wavPath: string, start: number, end: number): Promise<number>;
}

/**
 * Build once at start-up from parsed config. fluent-ffmpeg stores binary paths process-wide, so a
 * second call with different paths throws (see binaries.ts).
 */
export function createMedia(config: MediaConfig = {}): Media {
  configureBinaries({
    ffmpegPath: config.ffmpegPath ?? DEFAULT_BINARY_PATHS.ffmpegPath,
    ffprobePath: config.ffprobePath ?? DEFAULT_BINARY_PATHS.ffprobePath,
  });
  return {
    probe: (filePath, options) => probeAudio(filePath, toRunControl(options, DEFAULT_TIMEOUT_MS.probe)),
    probeWhileArriving,
    normalizeForSpeech: (input, output, options) =>
      normalizeForSpeech(
        input,
        output,
        options?.channel ?? 'mix',
        toRunControl(options, DEFAULT_TIMEOUT_MS.transcode),
        options?.info,
      ),
    prepareSpeech: (input, tracks, options) =>
      prepareSpeech(input, tracks, options ?? {}, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode)),
    prepareSpeechChunks: (input, request, options) =>
      prepareSpeechChunks(input, request, options ?? {}, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode)),
    encodeForReview: (input, output, options) =>
      encodeForReview(input, output, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode), options?.info),
    computePeaks: (input, options) =>
      computePeaks(input, options ?? {}, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode), options?.info),
    detectSilence: (input, options) =>
      detectSilence(input, options ?? {}, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode)),
    splitAtSilences: (input, outDir, options) =>
      splitAtSilences(input, outDir, options, toRunControl(options, DEFAULT_TIMEOUT_MS.transcode)),
    measureLevelDb,
  };
}
