import { rm, stat, symlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { checkDecodes } from './decode-check.ts';
import { MediaError, isMediaError } from './errors.ts';
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
/** decode-check.ts's window, and how it decodes one (mono s16 at 8 kHz), so a window here reads the same samples. */
const WINDOW_SEC = 2;
const CHECK_SAMPLE_RATE = 8000;
const COUNT_SAMPLES = ['-ac', '1', '-ar', String(CHECK_SAMPLE_RATE), '-c:a', 'pcm_s16le', '-f', 's16le'];
/**
 * A window that decoded at least this share of its length passed decode-check.ts's test (which asks
 * for half); anything shorter is judged by checkDecodes itself, so the verdict is always its own.
 */
const CLEARLY_DECODED = 0.9;

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
  assertNoSpace(files);
  if (files.length === 0 && !request.peaks) return {};
  const info = options.info ?? (await inspectAudio(input, control));
  try {
    return await runOnce(input, request, channelsOf(info), control);
  } catch (error) {
    await Promise.all(files.map((path) => rm(path, { force: true })));
    throw error;
  }
}

/**
 * probe() and writeDerivedCopies() with two ffmpeg starts instead of four: ffprobe, then ONE ffmpeg
 * run that decodes probe()'s two check windows (the first and the last 2 s, decode-check.ts) beside
 * the whole recording for the copies. The verdict is probe()'s: not_audio from ffprobe; corrupt or
 * tools_broken from checkDecodes itself, which runs again whenever a window came out short or the
 * run failed (so a copy failing for another reason — a full disk — stays 'failed', retryable).
 * `workDir`: a scratch directory without spaces for the window samples (and, if the recording's
 * path has a space, a link to it).
 */
export async function probeAndDeriveCopies(
  input: string,
  request: DerivedCopiesRequest,
  options: OperationOptions & { workDir: string },
): Promise<DerivedCopies & { info: AudioInfo }> {
  const { workDir } = options;
  const control = toRunControl(options, DEFAULT_TIMEOUT_MS.transcode);
  const files = [request.speech, request.review].filter((path): path is string => path !== undefined);
  assertNoSpace([workDir, ...files]);
  const windows: Windows = {
    input: input.includes(' ') ? join(workDir, `recording${extname(input)}`) : input,
    head: join(workDir, 'check-head.pcm'),
    tail: join(workDir, 'check-tail.pcm'),
  };
  if (windows.input !== input) await symlink(input, windows.input);
  const written = [...files, windows.head, windows.tail];
  try {
    let info: AudioInfo | undefined;
    let copies: DerivedCopies;
    try {
      if (request.review === undefined && request.peaks === undefined) {
        // The speech copy alone needs nothing ffprobe says (it is 16 kHz mono whatever the
        // recording), so its run starts beside ffprobe instead of after it — 50–90 ms off a long
        // call's critical path — with the windows in their own ffmpeg, as the length is not known yet.
        // ffprobe's verdict still comes first: a file it cannot read stops the run and is not_audio.
        const stop = new AbortController();
        const cancel = () => stop.abort();
        control.signal?.addEventListener('abort', cancel, { once: true });
        const run = runBeside(input, request, 1, { ...control, signal: stop.signal }, windows);
        run.catch(() => {});
        try {
          info = await inspectAudio(input, control).catch((error: unknown) => {
            stop.abort();
            throw error;
          });
        } finally {
          control.signal?.removeEventListener('abort', cancel);
          await run.catch(() => {}); // no ffmpeg outlives a verdict
        }
        copies = await run;
      } else {
        info = await inspectAudio(input, control);
        copies =
          info.durationSec > WINDOWS_APART_AFTER_SEC
            ? await runBeside(input, request, channelsOf(info), control, windows)
            : await runOnce(input, request, channelsOf(info), control, windows);
      }
    } catch (error) {
      // Whose fault: checkDecodes throws corrupt / tools_broken if the windows alone fail.
      // (A failure of ffprobe itself is its own verdict.)
      if (info && isMediaError(error, 'failed')) await checkDecodes(input, info.durationSec, control);
      throw error;
    }
    const windowSec = Math.min(WINDOW_SEC, info.durationSec);
    const decodedSec = async (path: string) => (await stat(path)).size / 2 / CHECK_SAMPLE_RATE;
    const [head, tail] = await Promise.all([decodedSec(windows.head), decodedSec(windows.tail)]);
    if (Math.min(head, tail) < windowSec * CLEARLY_DECODED) {
      await checkDecodes(input, info.durationSec, control);
    }
    await Promise.all([windows.head, windows.tail].map((path) => rm(path, { force: true })));
    return { info, ...copies };
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  } finally {
    if (windows.input !== input) await rm(windows.input, { force: true });
  }
}

function assertNoSpace(paths: string[]): void {
  const spaced = paths.find((path) => path.includes(' '));
  if (spaced !== undefined) {
    throw new MediaError('failed', 'Audio processing failed.', `output path has a space: ${spaced}`);
  }
}

/**
 * Past this length the check windows are decoded by an ffmpeg of their own, beside the copies' run.
 * With more than one input ffmpeg (this 2018 build) gives each input a demuxer thread and hands every
 * packet of the whole recording over a locked queue: for a 60-minute MP3 that cost ~0.75 s of CPU
 * (mostly futex calls: 1.76 s for the run against 0.78 s with the recording as its only input),
 * about one bare decode, where a second process decoding the two windows costs ~0.06 s. For short
 * calls the process start is the larger cost, so they keep the windows in the one run.
 */
const WINDOWS_APART_AFTER_SEC = 120;

/**
 * runOnce without the windows, and the windows in their own ffmpeg, side by side under one stop: the
 * first to fail stops the other, and both have ended before this settles (so no ffmpeg still writes
 * when the caller removes the files).
 */
async function runBeside(
  input: string,
  request: DerivedCopiesRequest,
  channels: 1 | 2,
  control: RunControl,
  windows: Windows,
): Promise<DerivedCopies> {
  const stop = new AbortController();
  const cancel = () => stop.abort();
  control.signal?.addEventListener('abort', cancel, { once: true });
  if (control.signal?.aborted) cancel();
  const both: RunControl = { ...control, signal: stop.signal };
  const window = WINDOW_SEC.toFixed(3);
  let first: unknown;
  const failFirst = (error: unknown) => {
    first ??= error;
    stop.abort();
    throw error;
  };
  try {
    const [copies] = await Promise.allSettled([
      runOnce(input, request, channels, both).catch(failFirst),
      runFfmpeg({
        ...both,
        // Input 0 the head window, input 1 the tail (its -sseof applies to the input after it).
        input: windows.input,
        inputOptions: ['-t', window, '-i', windows.input, '-sseof', `-${window}`],
        outputOptions: [
          ...['-map', '0:a:0', ...COUNT_SAMPLES, windows.head, '-map', '1:a:0'],
          ...COUNT_SAMPLES,
        ],
        output: windows.tail,
      }).catch(failFirst),
    ]);
    if (first !== undefined) throw first;
    return (copies as PromiseFulfilledResult<DerivedCopies>).value;
  } finally {
    control.signal?.removeEventListener('abort', cancel);
  }
}

/** The decode check's two windows (decode-check.ts), decoded by the same ffmpeg run as the copies. */
interface Windows {
  /** The recording's path as the window inputs name it (no space: they travel as input options). */
  input: string;
  head: string;
  tail: string;
}

/** The channels the review copy and peaks keep: the recording's, more than two mixed down to stereo. */
const channelsOf = (info: AudioInfo) => Math.min(info.channels, 2) as 1 | 2;

async function runOnce(
  input: string,
  request: DerivedCopiesRequest,
  channels: 1 | 2,
  control: RunControl,
  windows?: Windows,
): Promise<DerivedCopies> {
  // With windows, inputs 0 and 1 are the head and tail windows and the whole recording is input 2.
  const stream = ['-map', windows ? '2:a:0' : '0:a:0', '-vn', '-sn', '-dn'];
  // Output options then path, per output; ffmpeg decodes the mapped stream once for all of them.
  const outputs: Array<{ options: string[]; path: string }> = [];
  if (windows) {
    outputs.push({ options: ['-map', '0:a:0', ...COUNT_SAMPLES], path: windows.head });
    outputs.push({ options: ['-map', '1:a:0', ...COUNT_SAMPLES], path: windows.tail });
  }
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
  const window = WINDOW_SEC.toFixed(3);
  await runFfmpeg({
    ...control,
    input,
    ...(windows && {
      inputOptions: ['-t', window, '-i', windows.input, '-sseof', `-${window}`, '-i', windows.input],
    }),
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
