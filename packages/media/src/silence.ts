import { open } from 'node:fs/promises';
import { MediaError } from './errors.ts';
import { runFfmpeg, FIRST_AUDIO_STREAM } from './ffmpeg.ts';
import type { ChannelPick } from './normalize.ts';
import { analysePcmWav, isSpeechWav } from './pcm-analysis.ts';
import { inspectAudio } from './probe.ts';
import type { RunControl } from './run-control.ts';
import { readWavHeader } from './wav.ts';

/** A stretch of the recording quieter than the threshold, in seconds from its start. */
export interface SilenceSpan {
  start: number;
  end: number;
}

export interface SilenceOptions {
  /** Which channel(s) to listen to. Default 'mix'. */
  channel?: ChannelPick;
  /** Level under which audio counts as silent, in dBFS. Default −40 dB (telephone line noise sits lower). */
  noiseDb?: number;
  /** Shortest pause reported, in seconds. Default 0.3 s (a breath between phrases). */
  minSilenceSec?: number;
}

export interface SilenceMap {
  durationSec: number;
  /** Sorted, non-overlapping. A silence running to the end of the file ends at `durationSec`. */
  silences: SilenceSpan[];
}

export const DEFAULT_SILENCE = { noiseDb: -40, minSilenceSec: 0.3 } as const;

const PAN: Record<ChannelPick, string | null> = {
  mix: null,
  left: 'pan=mono|c0=c0',
  right: 'pan=mono|c0=c1',
};

/**
 * Where the recording is silent. A speech WAV (16 kHz mono PCM, what this package writes) is read
 * sample by sample with silencedetect's rule (pcm-analysis.ts) — no decoding; anything else goes
 * through ffmpeg's `silencedetect` (runSilencedetect).
 */
export async function detectSilence(
  input: string,
  options: SilenceOptions,
  control: RunControl,
): Promise<SilenceMap> {
  if ((options.channel ?? 'mix') === 'mix' && (await isSpeechWav(input))) {
    const [analysis] = await analysePcmWav(input, { ...options, signal: control.signal });
    return { durationSec: analysis!.durationSec, silences: analysis!.silences };
  }
  return runSilencedetect(input, options, control);
}

/**
 * ffmpeg's `silencedetect`. The filter's findings are frame metadata; `ametadata=mode=print` writes
 * them to stdout (our pipe), since the package runs ffmpeg at `-v error`, where silencedetect's own
 * log lines are suppressed. One decoding pass, nothing written to disk.
 */
export async function runSilencedetect(
  input: string,
  options: SilenceOptions,
  control: RunControl,
): Promise<SilenceMap> {
  const channel = options.channel ?? 'mix';
  const noiseDb = options.noiseDb ?? DEFAULT_SILENCE.noiseDb;
  const minSilenceSec = options.minSilenceSec ?? DEFAULT_SILENCE.minSilenceSec;
  const info = await inspectAudio(input, control);
  if (channel !== 'mix' && info.channels < 2) {
    throw new MediaError(
      'channel_unavailable',
      `The recording is mono, so it has no separate ${channel} channel.`,
      `channels=${info.channels}`,
    );
  }
  const filters = [
    PAN[channel],
    `silencedetect=noise=${noiseDb}dB:duration=${minSilenceSec}`,
    // Quoted so the ':' of pipe:1 is not read as an option separator.
    "ametadata=mode=print:file='pipe\\:1'",
  ].filter((f): f is string => f !== null);

  const decoder = new TextDecoder();
  let text = '';
  await runFfmpeg({
    ...control,
    input,
    outputOptions: [...FIRST_AUDIO_STREAM, '-af', filters.join(','), '-f', 'null'],
    output: (chunk) => {
      text += decoder.decode(chunk, { stream: true });
    },
  });
  text += decoder.decode();
  return { durationSec: info.durationSec, silences: parseSilenceMetadata(text, info.durationSec) };
}

/** Parses `lavfi.silence_start=…` / `lavfi.silence_end=…` lines (exported for tests). */
export function parseSilenceMetadata(text: string, durationSec: number): SilenceSpan[] {
  const spans: SilenceSpan[] = [];
  let open: number | null = null;
  for (const line of text.split('\n')) {
    const match = /^lavfi\.silence_(start|end)=(-?[\d.]+)/.exec(line.trim());
    if (!match) continue;
    const value = Math.max(0, Number(match[2]));
    if (match[1] === 'start') open = value;
    else if (open !== null) {
      if (value > open) spans.push({ start: open, end: Math.min(value, durationSec) });
      open = null;
    }
  }
  if (open !== null && durationSec > open) spans.push({ start: open, end: durationSec });
  return spans;
}

/** Share of [start, end) covered by silence, 0..1 (1 for an empty interval). */
export function silentFraction(silences: readonly SilenceSpan[], start: number, end: number): number {
  if (end <= start) return 1;
  let covered = 0;
  for (const s of silences) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    covered += Math.min(end, s.end) - Math.max(start, s.start);
  }
  return Math.min(1, covered / (end - start));
}

/**
 * RMS level in dBFS of [start, end) of a 16-bit PCM mono WAV — the speech copies this package
 * writes. Read directly from the file (no decoding needed); used to tell a speaker's own channel
 * from the faint copy of their voice that leaks into the other channel. −Infinity for digital silence.
 */
export async function measureLevelDb(wavPath: string, start: number, end: number): Promise<number> {
  const handle = await open(wavPath, 'r');
  try {
    const { dataOffset, dataBytes, sampleRate, channels, bitsPerSample } = await readWavHeader(
      handle,
      wavPath,
    );
    if (channels !== 1 || bitsPerSample !== 16) {
      throw new MediaError('failed', 'Level measurement needs a 16-bit mono WAV.', wavPath);
    }
    const totalSamples = Math.floor(dataBytes / 2);
    const first = Math.max(0, Math.min(totalSamples, Math.floor(start * sampleRate)));
    const last = Math.max(first, Math.min(totalSamples, Math.ceil(end * sampleRate)));
    if (last === first) return -Infinity;
    const buffer = Buffer.alloc((last - first) * 2);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, dataOffset + first * 2);
    let sum = 0;
    const count = Math.floor(bytesRead / 2);
    for (let i = 0; i < count; i++) {
      const v = buffer.readInt16LE(i * 2) / 32768;
      sum += v * v;
    }
    return count === 0 || sum === 0 ? -Infinity : 10 * Math.log10(sum / count);
  } finally {
    await handle.close();
  }
}
