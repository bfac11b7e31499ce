import { encodeAudioAtomically } from './atomic-output.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';

/**
 * Opus in WebM: every current browser plays it in <audio>, and the Matroska muxer writes a Cues
 * index (seek table), so the player seeks with one HTTP Range request instead of the bisection
 * Ogg needs. Serve it with this Content-Type.
 */
export const REVIEW_COPY_CONTENT_TYPE = 'audio/webm; codecs=opus';
export const REVIEW_COPY_EXTENSION = '.webm';

/** Speech-tuned Opus is transparent enough for review at these rates (~15-22 MB per stereo hour). */
const BITRATE_MONO = '32k';
const BITRATE_STEREO = '48k';

export interface ReviewCopyInfo {
  contentType: string;
  channels: number;
}

/**
 * Writes the compact, browser-playable copy the review player streams (atomically). Channel
 * layout is kept (mono stays mono, stereo stays stereo so rep/client sides remain audible);
 * anything wider than stereo is downmixed because browsers' Opus-in-WebM support stops there.
 */
export async function encodeForReview(
  input: string,
  output: string,
  control: RunControl,
  known?: AudioInfo,
): Promise<ReviewCopyInfo> {
  const info = known ?? (await inspectAudio(input, control));
  const channels = Math.min(info.channels, 2);
  await encodeAudioAtomically(input, output, control, [
    ...['-ac', String(channels)],
    ...['-c:a', 'libopus', '-b:a', channels === 1 ? BITRATE_MONO : BITRATE_STEREO, '-application', 'voip'],
    ...['-map_metadata', '-1'],
    ...['-f', 'webm'],
  ]);
  return { contentType: REVIEW_COPY_CONTENT_TYPE, channels };
}
