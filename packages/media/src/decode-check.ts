import type { Readable } from 'node:stream';
import { MediaError, isMediaError } from './errors.ts';
import { ffmpegWorks, runFfmpeg, TOOLS_BROKEN_MESSAGE } from './ffmpeg.ts';
import type { RunControl } from './run-control.ts';

/**
 * Why this check: ffprobe reads headers, so it vouches for what a file *claims*. A truncated
 * upload usually keeps its header — an MP3's Xing/LAME frame count, an MP4's moov at the front —
 * and ffprobe happily reports the full duration. Fully decoding a 2-hour call on upload is too
 * slow (tens of seconds), so we decode two short windows instead:
 *   head: the first WINDOW_SEC must decode,
 *   tail: the last WINDOW_SEC *of the declared duration* (`-sseof`) must decode.
 * A file cut short has nothing where its header says the end is, so the tail yields (almost) no
 * samples. We require at least MIN_DECODED_FRACTION of each window, which tolerates encoder
 * padding and inexact seeking in VBR files.
 *
 * Decoder warnings alone do not fail the check: real phone recordings often have a glitched
 * frame or two that every player skips over. Only "cannot decode" (ffmpeg exits non-zero while it
 * still decodes a generated sample) or "decodes to nothing" count as corrupt. ffmpeg killed by a
 * signal, unable to start, or failing on the sample too is 'tools_broken': our fault, retried.
 *
 * Known blind spot: a truncated PCM WAV. ffmpeg clamps the duration to the data actually present,
 * so it is indistinguishable from a shorter, valid recording and is accepted as such.
 */
const WINDOW_SEC = 2;
const MIN_DECODED_FRACTION = 0.5;
/** Decode at a low rate: we only count samples, and this keeps the pipe traffic trivial. */
const CHECK_SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;

/**
 * `durationSec` may still be on its way (ffprobe running beside): the windows are decoded at once
 * and only measured against the duration once it is known. A file shorter than the window is
 * decoded whole by both (`-sseof` before the start is ignored by ffmpeg), which is what the
 * shorter window would have read.
 */
export async function checkDecodes(
  file: string,
  durationSec: number | Promise<number>,
  control: RunControl,
  streamedHead?: Promise<number | null>,
): Promise<void> {
  const windowSeconds = WINDOW_SEC.toFixed(3);
  const head = () => expectDecodedWindow(file, ['-t', windowSeconds], durationSec, 'start', control);
  // Both windows at once: the upload waits for this check, and each ffmpeg start costs tens of ms.
  await Promise.all([
    streamedHead
      ? headAlreadyDecoded(streamedHead, durationSec).then((ok) => (ok ? undefined : head()))
      : head(),
    expectDecodedWindow(file, ['-sseof', `-${windowSeconds}`], durationSec, 'end', control),
  ]);
}

/**
 * The start decoded while the upload was still arriving (upload-probe.ts): enough of it is a pass.
 * Anything else — too little, a failed run, a format ffmpeg cannot read from a pipe (an MP4 whose
 * index sits at the end) — proves nothing, and the window is decoded from the file as usual.
 */
export async function headAlreadyDecoded(
  streamedHead: Promise<number | null>,
  durationSec: number | Promise<number>,
): Promise<boolean> {
  const decodedSec = await streamedHead;
  if (decodedSec === null) return false;
  return decodedSec >= Math.min(WINDOW_SEC, await durationSec) * MIN_DECODED_FRACTION;
}

/** Seconds of sound the first WINDOW_SEC of `bytes` (a recording's first bytes) decode to, or null if ffmpeg failed. */
export async function decodeStreamedHead(bytes: Readable, control: RunControl): Promise<number | null> {
  let decodedBytes = 0;
  try {
    await runFfmpeg({
      ...control,
      input: bytes,
      inputOptions: ['-t', WINDOW_SEC.toFixed(3)],
      outputOptions: COUNT_SAMPLES,
      output: (chunk) => {
        decodedBytes += chunk.length;
      },
    });
  } catch {
    return null;
  }
  return decodedBytes / BYTES_PER_SAMPLE / CHECK_SAMPLE_RATE;
}

/** Decoded to mono s16 at a low rate on stdout, where only the bytes are counted. */
const COUNT_SAMPLES = [
  '-map',
  '0:a:0',
  '-ac',
  '1',
  '-ar',
  String(CHECK_SAMPLE_RATE),
  '-c:a',
  'pcm_s16le',
  '-f',
  's16le',
];

async function expectDecodedWindow(
  file: string,
  inputOptions: string[],
  durationSec: number | Promise<number>,
  where: 'start' | 'end',
  control: RunControl,
): Promise<void> {
  let decodedBytes = 0;
  try {
    await runFfmpeg({
      ...control,
      input: file,
      inputOptions,
      outputOptions: COUNT_SAMPLES,
      output: (chunk) => {
        decodedBytes += chunk.length;
      },
    });
  } catch (error) {
    if (isMediaError(error, 'failed')) {
      // ffmpeg exited non-zero. That is its verdict on the bytes only if it works on anything else:
      // a binary that fails on a generated sample too is broken, and the recording is not to blame.
      if (!(await ffmpegWorks(control))) {
        throw new MediaError('tools_broken', TOOLS_BROKEN_MESSAGE, error.detail, { cause: error });
      }
      throw new MediaError(
        'corrupt',
        `The recording is damaged: its ${where} cannot be decoded.`,
        error.detail,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const windowSec = Math.min(WINDOW_SEC, await durationSec);
  const decodedSec = decodedBytes / BYTES_PER_SAMPLE / CHECK_SAMPLE_RATE;
  if (decodedSec < windowSec * MIN_DECODED_FRACTION) {
    throw new MediaError(
      'corrupt',
      where === 'end'
        ? 'The recording is incomplete: it stops before the length it declares (was the upload cut short?).'
        : 'The recording is damaged: its start contains no playable sound.',
      `decoded ${decodedSec.toFixed(3)} s of a ${windowSec.toFixed(3)} s window at the ${where}`,
    );
  }
}
