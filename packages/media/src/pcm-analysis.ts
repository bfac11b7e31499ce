import { open } from 'node:fs/promises';
import { MediaError } from './errors.ts';
import { SPEECH_SAMPLE_RATE } from './normalize.ts';
import { DEFAULT_SILENCE, type SilenceMap, type SilenceOptions, type SilenceSpan } from './silence.ts';
import { readWavHeader, speechWavHeader } from './wav.ts';

/** Loudness of a whole track, from its samples: dBFS, −Infinity for digital silence. */
export interface TrackLevels {
  rmsDb: number;
  peakDb: number;
}

export interface PcmAnalysis extends SilenceMap {
  levels: TrackLevels;
}

/**
 * ffmpeg's `silencedetect`, sample for sample, over 16-bit PCM in memory: a silence is a run of at
 * least ⌊minSilenceSec × rate⌋ samples with |x| < noise (s16: ⌊10^(noiseDb/20) × 32767⌋, as the
 * filter truncates it), from its first silent sample to the first loud one. Fed block by block, so a
 * long recording is never held in memory; also folds the track's RMS and peak.
 *
 * Why not the filter itself: on this project's ffmpeg build, `silencedetect` adds about a third of
 * a whole decode to the normalisation run and `astats` half of one (ebur128 four times one), while
 * this fold over samples that are on disk anyway costs a few per cent (see the media README).
 */
export class PcmAnalyser {
  private readonly threshold: number;
  private readonly minRun: number;
  private readonly silences: SilenceSpan[] = [];
  private samples = 0;
  private run = 0;
  private sumSquares = 0;
  private peak = 0;

  constructor(
    private readonly sampleRate: number,
    options: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'> = {},
  ) {
    const noiseDb = options.noiseDb ?? DEFAULT_SILENCE.noiseDb;
    const minSilenceSec = options.minSilenceSec ?? DEFAULT_SILENCE.minSilenceSec;
    this.threshold = Math.trunc(10 ** (noiseDb / 20) * 32767);
    this.minRun = Math.max(1, Math.trunc(minSilenceSec * sampleRate));
  }

  /** Samples `from`..`to` (exclusive) of `block`, every `stride`-th one (interleaved channels). */
  add(block: Int16Array, stride = 1, offset = 0): void {
    const { threshold, minRun } = this;
    let run = this.run;
    let index = this.samples;
    let sum = 0;
    let peak = this.peak;
    for (let i = offset; i < block.length; i += stride, index++) {
      const x = block[i]!;
      sum += x * x;
      const magnitude = x < 0 ? -x : x;
      if (magnitude > peak) peak = magnitude;
      if (magnitude < threshold) {
        run++;
      } else {
        if (run >= minRun)
          this.silences.push({ start: (index - run) / this.sampleRate, end: index / this.sampleRate });
        run = 0;
      }
    }
    this.run = run;
    this.samples = index;
    this.sumSquares += sum;
    this.peak = peak;
  }

  finish(): PcmAnalysis {
    const durationSec = this.samples / this.sampleRate;
    const silences = [...this.silences];
    if (this.run >= this.minRun)
      silences.push({ start: (this.samples - this.run) / this.sampleRate, end: durationSec });
    const db = (amplitude: number) => (amplitude === 0 ? -Infinity : 20 * Math.log10(amplitude / 32768));
    return {
      durationSec,
      silences,
      levels: {
        rmsDb: this.samples === 0 ? -Infinity : db(Math.sqrt(this.sumSquares / this.samples)),
        peakDb: db(this.peak),
      },
    };
  }
}

/** Bytes read per step: large enough to keep syscalls few, small enough to stay cache-friendly. */
const BLOCK_BYTES = 1 << 20;

/** True when `path` is what this package writes for speech: 16 kHz mono 16-bit PCM WAV. */
export async function isSpeechWav(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const h = await readWavHeader(handle, path).catch(() => null);
    return h !== null && h.sampleRate === SPEECH_SAMPLE_RATE && h.channels === 1 && h.bitsPerSample === 16;
  } finally {
    await handle.close();
  }
}

/**
 * Pauses and levels of a 16-bit PCM WAV (mono: one analysis; more channels: one per channel), read
 * straight from the file — no decoding. Optionally writes each channel as its own mono speech WAV
 * (`splitTo[i]` for channel i), in the same read.
 */
export async function analysePcmWav(
  path: string,
  options: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'> & {
    splitTo?: readonly string[];
    signal?: AbortSignal | undefined;
  } = {},
): Promise<PcmAnalysis[]> {
  const handle = await open(path, 'r');
  const outputs = await Promise.all((options.splitTo ?? []).map((p) => open(p, 'w')));
  try {
    const header = await readWavHeader(handle, path);
    if (header.bitsPerSample !== 16) {
      throw new MediaError('failed', 'Pause detection needs a 16-bit PCM WAV.', path);
    }
    const { channels, sampleRate } = header;
    if (outputs.length > 0 && outputs.length !== channels) {
      throw new MediaError('failed', `Expected ${outputs.length} channels, found ${channels}.`, path);
    }
    const { size } = await handle.stat();
    const dataBytes = Math.min(header.dataBytes, size - header.dataOffset);
    const frameBytes = 2 * channels;
    const analysers = Array.from({ length: channels }, () => new PcmAnalyser(sampleRate, options));
    for (const out of outputs) await out.write(speechWavHeader(Math.floor(dataBytes / frameBytes) * 2));

    const buffer = Buffer.allocUnsafeSlow(BLOCK_BYTES - (BLOCK_BYTES % frameBytes));
    const samples = new Int16Array(buffer.buffer, buffer.byteOffset, buffer.length / 2);
    const split = outputs.map(() => Buffer.allocUnsafeSlow(buffer.length / channels));
    let position = 0;
    while (position < dataBytes) {
      options.signal?.throwIfAborted();
      const want = Math.min(buffer.length, dataBytes - position);
      const { bytesRead } = await handle.read(buffer, 0, want, header.dataOffset + position);
      if (bytesRead === 0) break;
      const whole = bytesRead - (bytesRead % frameBytes);
      const view = whole === samples.length * 2 ? samples : samples.subarray(0, whole / 2);
      for (let c = 0; c < channels; c++) analysers[c]!.add(view, channels, c);
      for (let c = 0; c < outputs.length; c++) {
        const target = new Int16Array(split[c]!.buffer, split[c]!.byteOffset, whole / frameBytes);
        for (let i = c, j = 0; i < view.length; i += channels, j++) target[j] = view[i]!;
        await outputs[c]!.write(split[c]!, 0, whole / channels);
      }
      position += whole;
      if (whole === 0) break;
    }
    return analysers.map((a) => a.finish());
  } finally {
    await handle.close();
    await Promise.all(outputs.map((out) => out.close()));
  }
}
