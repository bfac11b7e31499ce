import type { WaveformPeaks } from '@onterms/contracts';
import { runFfmpeg, FIRST_AUDIO_STREAM } from './ffmpeg.ts';
import { PeakReducer } from './peak-reducer.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';

/** The peaks file's shape is part of the HTTP contract (`GET /api/calls/:id/peaks`). */
export type { WaveformPeaks };

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
      ...FIRST_AUDIO_STREAM,
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
