import { runFfmpeg } from './ffmpeg.ts';
import { PeakReducer } from './peak-reducer.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';

/**
 * Waveform data for the review player, so the browser never decodes audio to draw it.
 * Shaped for wavesurfer.js v7: `WaveSurfer.create({ url, peaks: p.peaks, duration: p.durationSec })`.
 * Each channel array interleaves [min, max] per pixel; wavesurfer takes the min/max of whatever
 * falls in a drawn pixel, so the envelope renders exactly at any zoom up to pixelsPerSecond.
 */
export interface WaveformPeaks {
  /** Version of this JSON shape (not audiowaveform's). */
  version: 1;
  /** Length of the decoded audio in seconds (what the player's timeline should span). */
  durationSec: number;
  /** 1 or 2 (wider layouts are downmixed to stereo, matching the review copy). */
  channels: number;
  pixelsPerSecond: number;
  /** Pixels per channel ≈ durationSec × pixelsPerSecond (the last pixel may be partial). */
  length: number;
  /** peaks[channel] = [min0, max0, min1, max1, ...], values in -1..1 rounded to 3 decimals. */
  peaks: number[][];
}

export interface PeaksOptions {
  /** Horizontal resolution; 20 px/s keeps a 2-hour stereo call around 5 MB of JSON. Default 20. */
  pixelsPerSecond?: number;
}

export const DEFAULT_PIXELS_PER_SECOND = 20;
/**
 * ffmpeg resamples to this rate before we reduce. Peaks of speech survive a 4 kHz bandwidth,
 * and it halves the PCM we push through the pipe compared with 16 kHz (a 2-hour stereo call is
 * ~230 MB of pipe traffic, streamed, never held).
 */
const DECODE_SAMPLE_RATE = 8000;

export async function computePeaks(
  input: string,
  options: PeaksOptions,
  control: RunControl,
  known?: AudioInfo,
): Promise<WaveformPeaks> {
  const pixelsPerSecond = options.pixelsPerSecond ?? DEFAULT_PIXELS_PER_SECOND;
  const info = known ?? (await inspectAudio(input, control));
  const channels = Math.min(info.channels, 2);
  const reducer = new PeakReducer(channels, DECODE_SAMPLE_RATE, pixelsPerSecond);

  await runFfmpeg({
    ...control,
    input,
    outputOptions: [
      ...['-map', '0:a:0', '-vn', '-sn', '-dn'],
      ...['-ac', String(channels), '-ar', String(DECODE_SAMPLE_RATE)],
      ...['-c:a', 'pcm_s16le', '-f', 's16le'],
    ],
    output: (chunk) => reducer.push(chunk),
  });

  const reduced = reducer.finish();
  return {
    version: 1,
    durationSec: reduced.samplesPerChannel / DECODE_SAMPLE_RATE,
    channels,
    pixelsPerSecond,
    length: reduced.length,
    peaks: reduced.peaks,
  };
}
