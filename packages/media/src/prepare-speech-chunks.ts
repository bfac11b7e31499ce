import { rm } from 'node:fs/promises';
import { splitAtSilences, type AudioChunk, type SplitOptions } from './chunk.ts';
import { normalizeForSpeech, type ChannelPick } from './normalize.ts';
import { analysePcmWav } from './pcm-analysis.ts';
import type { SpeechTrack } from './prepare-speech.ts';
import type { AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';
import type { SilenceOptions } from './silence.ts';

export interface SpeechChunksRequest {
  /** Where the 16 kHz mono speech WAV goes (written atomically). */
  output: string;
  channel: ChannelPick;
  /** Where the chunk files go. */
  outDir: string;
  split: Omit<SplitOptions, 'silences' | 'durationSec'>;
}

/**
 * One track's speech WAV, its pauses and its chunks in one call: ffmpeg decodes (downmixes,
 * resamples) the recording once to the WAV, the pauses are read from its samples (pcm-analysis.ts,
 * a skipping scan) and the chunks cut from it (splitAtSilences) — the same chunks and bytes as
 * prepareSpeech then splitAtSilences, with ffmpeg's start-up and the WAV's header read once less.
 *
 * Why not overlapped any more (measured on the shared 2-core box, 60-minute call, load 14–18):
 * feeding the chunk encoders from this process while the decode ran cost ~1.4 s of Node CPU per
 * hour (115 MB of PCM through streams); two ffmpeg connected by an OS pipe (decode | WAV + FLAC)
 * took 2.1 s CPU where decode-then-encode takes 1.8 s, and twice the wall time, since the 200 kB
 * socket buffer between them holds ~6 ms of decoding and a loaded machine seldom runs both at once;
 * one ffmpeg writing WAV and FLAC took 2.2 s. Encoding the chunks from the finished WAV, two at a
 * time, is the cheapest and — where other work fills the cores — the fastest.
 */
export async function prepareSpeechChunks(
  input: string,
  request: SpeechChunksRequest,
  silence: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'>,
  control: RunControl,
  known?: AudioInfo,
): Promise<{ track: SpeechTrack; chunks: AudioChunk[] }> {
  const { channel, output } = request;
  await normalizeForSpeech(input, output, channel, control, known);
  try {
    const [analysis] = await analysePcmWav(output, { ...silence, signal: control.signal });
    const chunks = await splitAtSilences(output, request.outDir, { ...request.split, ...analysis! }, control);
    return { track: { ...analysis!, path: output, channel }, chunks };
  } catch (error) {
    // All or nothing: a failed or cancelled run leaves neither the WAV nor chunks (splitAtSilences).
    await rm(output, { force: true });
    throw error;
  }
}
