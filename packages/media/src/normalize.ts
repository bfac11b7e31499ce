import { encodeAudioAtomically } from './atomic-output.ts';
import { MediaError } from './errors.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';

/** Which part of the recording to keep: both channels mixed, or one side of a stereo call. */
export type ChannelPick = 'mix' | 'left' | 'right';

/** What speech-to-text engines want: 16 kHz, mono, 16-bit little-endian PCM in WAV. */
export const SPEECH_SAMPLE_RATE = 16_000;

const PAN_FILTER: Record<Exclude<ChannelPick, 'mix'>, string> = {
  left: 'pan=mono|c0=c0',
  right: 'pan=mono|c0=c1',
};

/** How a speech WAV is written: a bare 44-byte RIFF header (no LIST/INFO chunk), what naive WAV readers expect. */
export const SPEECH_WAV_ARGS = [
  ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'],
  ...['-f', 'wav'],
];

/**
 * Writes a 16 kHz mono PCM s16le WAV of `input` to `output` (atomically). No loudness
 * normalisation: two-pass loudnorm is slow and STT engines cope with level differences.
 * `left`/`right` require a recording with at least two channels (stereo rep/client split);
 * asking for one side of a mono file is 'channel_unavailable' rather than silently giving the
 * whole conversation.
 */
export async function normalizeForSpeech(
  input: string,
  output: string,
  channel: ChannelPick,
  control: RunControl,
  known?: AudioInfo,
): Promise<void> {
  await encodeAudioAtomically(input, output, control, await speechWavArgs(input, channel, control, known));
}

/**
 * The ffmpeg output options that write the speech WAV of `input` (after FIRST_AUDIO_STREAM), once
 * the recording is known to have the channel asked for (else 'channel_unavailable').
 */
export async function speechWavArgs(
  input: string,
  channel: ChannelPick,
  control: RunControl,
  known?: AudioInfo,
): Promise<string[]> {
  const info = known ?? (await inspectAudio(input, control));
  if (channel !== 'mix' && info.channels < 2) {
    throw new MediaError(
      'channel_unavailable',
      `The recording is mono, so it has no separate ${channel} channel.`,
      `channels=${info.channels}`,
    );
  }
  const channelOptions = channel === 'mix' ? ['-ac', '1'] : ['-af', PAN_FILTER[channel]];
  return [...channelOptions, ...['-ar', String(SPEECH_SAMPLE_RATE), '-c:a', 'pcm_s16le'], ...SPEECH_WAV_ARGS];
}
