import { rm } from 'node:fs/promises';
import { writeAtomically } from './atomic-output.ts';
import { MediaError } from './errors.ts';
import { runFfmpeg, FIRST_AUDIO_STREAM } from './ffmpeg.ts';
import { normalizeForSpeech, SPEECH_SAMPLE_RATE, type ChannelPick } from './normalize.ts';
import { analysePcmWav } from './pcm-analysis.ts';
import { inspectAudio } from './probe.ts';
import type { RunControl } from './run-control.ts';
import type { SilenceMap, SilenceOptions } from './silence.ts';

export interface SpeechTrackRequest {
  /** Where the 16 kHz mono speech WAV goes (written atomically). */
  output: string;
  channel: ChannelPick;
}

/** A speech WAV with its pauses, both from one decode of the recording. */
export interface SpeechTrack extends SilenceMap {
  path: string;
  channel: ChannelPick;
}

const PAN_SOURCE: Record<Exclude<ChannelPick, 'mix'>, string> = { left: 'c0', right: 'c1' };

/**
 * Everything speech-to-text needs from a recording, decoding it once: the speech WAV(s) — the mix,
 * or each side of a stereo call — and, per track, its pauses (ffmpeg `silencedetect` semantics).
 * ffmpeg decodes, downmixes/pans and resamples in one run; the pauses are then read from the PCM it
 * wrote (pcm-analysis.ts), skipping through speech, instead of a second ffmpeg run over every sample.
 *
 * Two tracks (`left` and `right`, in the order asked) come out of one 2-channel 16 kHz run that is
 * split sample by sample into the two mono files, so a stereo call is decoded once, not twice.
 */
export async function prepareSpeech(
  input: string,
  tracks: readonly SpeechTrackRequest[],
  silence: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'>,
  control: RunControl,
): Promise<SpeechTrack[]> {
  if (tracks.length === 1) {
    const [track] = tracks as [SpeechTrackRequest];
    await normalizeForSpeech(input, track.output, track.channel, control);
    const [analysis] = await analysePcmWav(track.output, { ...silence, signal: control.signal });
    return [{ ...analysis!, path: track.output, channel: track.channel }];
  }
  if (tracks.length !== 2 || tracks.some((t) => t.channel === 'mix')) {
    throw new MediaError('failed', 'Two speech tracks are one per side of a stereo call (left/right).');
  }
  const info = await inspectAudio(input, control);
  if (info.channels < 2) {
    throw new MediaError(
      'channel_unavailable',
      'The recording is mono, so it has no separate left and right channels.',
      `channels=${info.channels}`,
    );
  }
  const pan = `pan=stereo|c0=${PAN_SOURCE[tracks[0]!.channel as 'left']}|c1=${PAN_SOURCE[tracks[1]!.channel as 'left']}`;
  const both = `${tracks[0]!.output}.both.wav`;
  try {
    await runFfmpeg({
      ...control,
      input,
      outputOptions: [
        ...[...FIRST_AUDIO_STREAM, '-af', pan],
        ...['-ar', String(SPEECH_SAMPLE_RATE), '-c:a', 'pcm_s16le', '-f', 'wav'],
      ],
      output: both,
    });
    const analyses = await writeAtomically(tracks[0]!.output, (first) =>
      writeAtomically(tracks[1]!.output, (second) =>
        analysePcmWav(both, { ...silence, splitTo: [first, second], signal: control.signal }),
      ),
    );
    return tracks.map((t, i) => ({ ...analyses[i]!, path: t.output, channel: t.channel }));
  } finally {
    await rm(both, { force: true });
  }
}
