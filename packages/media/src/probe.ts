import { stat } from 'node:fs/promises';
import { checkDecodes } from './decode-check.ts';
import { MediaError } from './errors.ts';
import { ffprobeWorks, runFfprobe, TOOLS_BROKEN_MESSAGE, type FfprobeData } from './ffmpeg.ts';
import type { RunControl } from './run-control.ts';

export interface AudioInfo {
  /** As declared by the file (container or stream), in seconds; always > 0. */
  durationSec: number;
  channels: number;
  sampleRate: number;
  /** ffmpeg codec name of the first audio stream: 'mp3', 'aac', 'opus', 'pcm_s16le'... */
  codec: string;
  /** ffmpeg demuxer name(s), e.g. 'wav', 'mp3', 'ogg', 'mov,mp4,m4a,3gp,3g2,mj2'. */
  container: string;
  /** Bits per second, or null when the file does not say (common for some containers). */
  bitRate: number | null;
}

/**
 * Container formats ffprobe recognised but could not finish reading. Everything else ffprobe
 * rejects is 'not_audio'. Matching a message is brittle across ffmpeg versions, but the only cost
 * of a miss is reporting a truncated upload as 'not_audio' instead of 'corrupt'.
 */
const RECOGNISED_BUT_BROKEN = [/moov atom not found/i];

/**
 * Metadata only (ffprobe). Used inside the package before transcoding, where decoding is about to
 * happen anyway; the public probe() adds the decode check.
 */
export async function inspectAudio(file: string, control: RunControl): Promise<AudioInfo> {
  await assertRegularFile(file);
  const outcome = await runFfprobe(file, control);
  if (!outcome.ok) {
    // ffprobe said no. Only its verdict if it can describe a generated input at all.
    if (!(await ffprobeWorks())) {
      throw new MediaError('tools_broken', TOOLS_BROKEN_MESSAGE, outcome.stderr);
    }
    if (RECOGNISED_BUT_BROKEN.some((pattern) => pattern.test(outcome.stderr))) {
      throw new MediaError(
        'corrupt',
        'The recording is damaged or incomplete and cannot be played.',
        outcome.stderr,
      );
    }
    throw new MediaError('not_audio', 'The file is not a recording we can read.', outcome.stderr);
  }
  return toAudioInfo(outcome.data);
}

/**
 * Validates a recording by what it contains, never by name or MIME type:
 * ffprobe must find an audio stream with a positive duration, and the first and last seconds
 * must actually decode (see decode-check.ts). `streamedHead`: the start already decoded on the way
 * in (upload-probe.ts).
 */
export async function probeAudio(
  file: string,
  control: RunControl,
  streamedHead?: Promise<number | null>,
): Promise<AudioInfo> {
  // ffprobe and the two decode windows run side by side (three processes, one wait: an upload is
  // answered ~one ffmpeg start-up sooner). ffprobe's verdict comes first: a file it cannot read is
  // not_audio, whatever the decoders said about it.
  const inspected = inspectAudio(file, control);
  const duration = inspected.then((info) => info.durationSec);
  const decoded = checkDecodes(file, duration, control, streamedHead);
  // Both are awaited below, once ffprobe has spoken; until then a rejection is not "unhandled".
  duration.catch(() => {});
  decoded.catch(() => {});
  const info = await inspected;
  await decoded;
  return info;
}

function toAudioInfo(data: FfprobeData): AudioInfo {
  const audio = data.streams.find((stream) => stream.codec_type === 'audio');
  if (!audio) {
    throw new MediaError('not_audio', 'The file has no sound in it (no audio track).');
  }
  const durationSec = positiveNumber(audio.duration) ?? positiveNumber(data.format.duration);
  if (durationSec === null) {
    throw new MediaError('corrupt', 'The recording is damaged or empty: it has no length.');
  }
  return {
    durationSec,
    channels: positiveNumber(audio.channels) ?? 1,
    sampleRate: positiveNumber(audio.sample_rate) ?? 0,
    codec: audio.codec_name ?? 'unknown',
    container: data.format.format_name ?? 'unknown',
    bitRate: positiveNumber(audio.bit_rate) ?? positiveNumber(data.format.bit_rate),
  };
}

/** ffprobe fields arrive as numbers, numeric strings or 'N/A'. */
function positiveNumber(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** A missing input is a caller bug or a lost file, not a bad upload: don't report it as not_audio. */
async function assertRegularFile(file: string): Promise<void> {
  const stats = await stat(file).catch((error: unknown) => {
    throw new MediaError('failed', 'The recording file could not be found.', String(error), { cause: error });
  });
  if (!stats.isFile()) throw new MediaError('failed', 'The recording path is not a file.', file);
}
