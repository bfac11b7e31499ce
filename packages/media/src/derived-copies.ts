import { rm } from 'node:fs/promises';
import { MediaError } from './errors.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE } from './normalize.ts';
import { PeakReducer } from './peak-reducer.ts';
import { DEFAULT_PIXELS_PER_SECOND, type WaveformPeaks } from './peaks.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import { REVIEW_COPY_CONTENT_TYPE, type ReviewCopyInfo } from './review-copy.ts';
import {
  DEFAULT_TIMEOUT_MS,
  toRunControl,
  type KnownInfo,
  type OperationOptions,
  type RunControl,
} from './run-control.ts';

/** Which derived files to make; any subset (a resumed call redoes only what is missing). */
export interface DerivedCopiesRequest {
  /** Path for the 16 kHz mono speech WAV (both channels mixed), as normalizeForSpeech(…, 'mix') writes it. */
  speech?: string;
  /** Path for the Opus/WebM review copy, as encodeForReview writes it. */
  review?: string;
  /** The waveform peaks, as computePeaks returns them. */
  peaks?: { pixelsPerSecond?: number };
}

export interface DerivedCopies {
  review?: ReviewCopyInfo;
  peaks?: WaveformPeaks;
}

/** The same settings as review-copy.ts and peaks.ts, so the files match what those write one at a time. */
const REVIEW_BITRATE = { 1: '32k', 2: '48k' } as const;
const PEAKS_SAMPLE_RATE = 8000;

/**
 * The speech copy, the review copy and the waveform peaks from ONE ffmpeg process: the recording is
 * read and decoded once, and ffmpeg starts once, instead of three times (normalizeForSpeech,
 * encodeForReview, computePeaks). Each output gets exactly the options its single-purpose function
 * gives it, so the files are the same.
 *
 * The files are scratch outputs for a caller that stores them elsewhere: written in place, not
 * fsynced (a crash loses the scratch directory anyway); on failure those written are deleted.
 * Paths must not contain a space (they travel as ffmpeg output options, which the wrapper splits on
 * a single space).
 */
export async function writeDerivedCopies(
  input: string,
  request: DerivedCopiesRequest,
  options: OperationOptions & KnownInfo = {},
): Promise<DerivedCopies> {
  const control = toRunControl(options, DEFAULT_TIMEOUT_MS.transcode);
  const files = [request.speech, request.review].filter((path): path is string => path !== undefined);
  const spaced = files.find((path) => path.includes(' '));
  if (spaced !== undefined) {
    throw new MediaError('failed', 'Audio processing failed.', `output path has a space: ${spaced}`);
  }
  if (files.length === 0 && !request.peaks) return {};
  const info = options.info ?? (await inspectAudio(input, control));
  try {
    return await runOnce(input, request, info, control);
  } catch (error) {
    await Promise.all(files.map((path) => rm(path, { force: true })));
    throw error;
  }
}

async function runOnce(
  input: string,
  request: DerivedCopiesRequest,
  info: AudioInfo,
  control: RunControl,
): Promise<DerivedCopies> {
  const channels = Math.min(info.channels, 2) as 1 | 2;
  const stream = ['-map', '0:a:0', '-vn', '-sn', '-dn'];
  // Output options then path, per output; ffmpeg decodes the mapped stream once for all of them.
  const outputs: Array<{ options: string[]; path: string }> = [];
  if (request.speech) {
    outputs.push({
      options: [
        ...stream,
        ...['-ac', '1', '-ar', String(SPEECH_SAMPLE_RATE), '-c:a', 'pcm_s16le'],
        // A bare 44-byte RIFF header (no LIST/INFO chunk), as normalize.ts writes it.
        ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'wav'],
      ],
      path: request.speech,
    });
  }
  if (request.review) {
    outputs.push({
      options: [
        ...stream,
        ...['-ac', String(channels), '-c:a', 'libopus', '-b:a', REVIEW_BITRATE[channels]],
        ...['-application', 'voip', '-map_metadata', '-1', '-f', 'webm'],
      ],
      path: request.review,
    });
  }
  const pixelsPerSecond = request.peaks?.pixelsPerSecond ?? DEFAULT_PIXELS_PER_SECOND;
  const reducer = request.peaks ? new PeakReducer(channels, PEAKS_SAMPLE_RATE, pixelsPerSecond) : null;
  // The last output is runFfmpeg's own (the peaks PCM on stdout, else the last file); the others
  // travel inside the option list, each followed by its path.
  const last = reducer ? null : outputs.pop()!;
  const inline = outputs.flatMap(({ options, path }) => [...options, path]);
  await runFfmpeg({
    ...control,
    input,
    outputOptions: last
      ? [...inline, ...last.options]
      : [
          ...inline,
          ...stream,
          '-ac',
          String(channels),
          '-ar',
          String(PEAKS_SAMPLE_RATE),
          '-c:a',
          'pcm_s16le',
          '-f',
          's16le',
        ],
    output: last ? last.path : (chunk) => reducer!.push(chunk),
  });

  const result: DerivedCopies = {};
  if (request.review) result.review = { contentType: REVIEW_COPY_CONTENT_TYPE, channels };
  if (reducer) {
    const reduced = reducer.finish();
    result.peaks = {
      version: 1,
      durationSec: reduced.samplesPerChannel / PEAKS_SAMPLE_RATE,
      channels,
      pixelsPerSecond,
      length: reduced.length,
      peaks: reduced.peaks,
    };
  }
  return result;
}
