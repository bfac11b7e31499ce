import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { MediaError } from './errors.ts';
import { runFfmpeg, FIRST_AUDIO_STREAM } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE, SPEECH_WAV_ARGS } from './normalize.ts';
import { planChunks, type PlannedChunk } from './chunk-plan.ts';
import type { RunControl } from './run-control.ts';
import type { SilenceSpan } from './silence.ts';
import { readWavHeader, speechWavHeader } from './wav.ts';

/**
 * How chunks are encoded for upload (all 16 kHz mono):
 * - `wav`: PCM, 32 kB/s, no encoding cost; what a local engine reads. Chunks are byte ranges of the
 *   speech WAV with a new header.
 * - `flac`: lossless, about 55–65 % of PCM for telephone speech, encoded from the speech WAV's samples
 *   at the encoder's cheapest useful settings (FLAC_ENCODER_ARGS).
 * Ogg Opus (16 kbit/s) was offered too and removed: even at the lowest complexity its encoder costs
 * about 20 times the decode of the call on this project's ffmpeg (media README, "Chunks").
 */
export type ChunkFormat = 'wav' | 'flac';

/**
 * The FLAC encoder's settings. Measured on this project's ffmpeg (2018 static build) for 60 minutes
 * of 16 kHz speech-like sound read from a WAV: the default (`-compression_level 5`, LPC) costs
 * ~0.93 s CPU, level 0 ~1.0 s (its fixed-order search is slower, not faster), and a fixed 2nd-order
 * predictor with at most 16 Rice partitions ~0.68 s — the floor: `-lpc_type none` costs the same,
 * what is left is MD5, Rice coding and bit writing — for ~8 % more bytes than level 5 (65.0 vs 60.3 MB).
 */
export const FLAC_ENCODER_ARGS = [
  ...['-c:a', 'flac', '-frame_size', '4096'],
  ...['-lpc_type', 'fixed', '-min_prediction_order', '2', '-max_prediction_order', '2'],
  ...['-min_partition_order', '0', '-max_partition_order', '4'],
  ...['-map_metadata', '-1', '-f', 'flac'],
];

export const CHUNK_FORMATS: Record<
  ChunkFormat,
  { extension: string; contentType: string; bytesPerSec: number; headerBytes: number; args: string[] }
> = {
  wav: {
    extension: 'wav',
    contentType: 'audio/wav',
    bytesPerSec: SPEECH_SAMPLE_RATE * 2,
    headerBytes: 44,
    args: ['-c:a', 'pcm_s16le', ...SPEECH_WAV_ARGS],
  },
  flac: {
    extension: 'flac',
    contentType: 'audio/flac',
    // First guess (≈ 65 % of PCM); the real size is checked after cutting and a chunk re-split if over.
    bytesPerSec: SPEECH_SAMPLE_RATE * 2 * 0.65,
    headerBytes: 8_192,
    args: FLAC_ENCODER_ARGS,
  },
};

export interface SplitOptions {
  /** From `detectSilence` on the same file. */
  silences: readonly SilenceSpan[];
  durationSec: number;
  maxDurationSec: number;
  maxBytes: number;
  format: ChunkFormat;
  /** Parallel ffmpeg encodes. Default 2. */
  concurrency?: number;
  /**
   * Called with each chunk once its file is complete and within the limits, in the recording's
   * order, with the pauses known for its span; `index` counts the chunks reported so far. A caller
   * can send a chunk before the others are cut.
   */
  onChunk?: (chunk: AudioChunk, silences: readonly SilenceSpan[]) => void;
}

export interface AudioChunk extends PlannedChunk {
  path: string;
  bytes: number;
  format: ChunkFormat;
  contentType: string;
}

/** Re-splitting an over-size chunk (compressed formats only) is bounded. */
const MAX_RESPLITS = 3;

/**
 * Cuts a 16 kHz mono speech WAV into chunk files in `outDir` that each fit the limits, cut in
 * pauses (see planChunks). Input seeking on PCM is sample-exact, so `chunk.start` is the chunk's
 * true offset in the recording. WAV chunks are byte ranges of the WAV (no ffmpeg); FLAC chunks are
 * encoded from the WAV's samples (reading a WAV is not decoding), two at a time. A FLAC chunk that
 * comes out larger than planned is split again at its own pauses using the measured byte rate. On a
 * failure no chunk is left behind.
 */
export async function splitAtSilences(
  input: string,
  outDir: string,
  options: SplitOptions,
  control: RunControl,
): Promise<AudioChunk[]> {
  const cutter = chunkCutter(input, outDir, options, control);
  try {
    await cutter.cut({ start: 0, end: options.durationSec });
  } catch (error) {
    await cutter.removeAll();
    throw error;
  }
  return cutter.result();
}

/**
 * The chunks of one speech WAV (`input`) as they are made: `cut` plans and writes a stretch and
 * re-splits any chunk that came out over the size limit; `nextPath` names a chunk file (in plan
 * order) and `settle` keeps or re-splits chunks written elsewhere (prepare-speech-chunks.ts, while the
 * WAV is still being written: `options.silences` then holds the pauses heard so far); `result` lists
 * them all in order; `removeAll` deletes every chunk file named.
 */
export function chunkCutter(input: string, outDir: string, options: SplitOptions, control: RunControl) {
  const spec = CHUNK_FORMATS[options.format];
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const results: AudioChunk[] = [];
  const written: string[] = [];
  const nextPath = () => {
    written.push(join(outDir, `chunk-${String(written.length).padStart(4, '0')}.${spec.extension}`));
    return written.at(-1)!;
  };

  // A 16 kHz mono PCM input cut into WAV chunks needs no ffmpeg at all: the samples are copied.
  let pcm: Promise<PcmLayout | null> | undefined;
  const pcmLayout = () => (pcm ??= options.format !== 'wav' ? Promise.resolve(null) : speechPcmLayout(input));

  const write = async (planned: PlannedChunk): Promise<AudioChunk> => {
    const path = nextPath();
    const layout = await pcmLayout();
    if (layout) {
      await writeScratch(path, (tempPath) => copyPcmSlice(input, tempPath, layout, planned, control));
    } else {
      await writeScratch(path, (tempPath) =>
        runFfmpeg({
          ...control,
          input,
          inputOptions: ['-ss', planned.start.toFixed(6), '-t', (planned.end - planned.start).toFixed(6)],
          outputOptions: [
            ...[...FIRST_AUDIO_STREAM, '-ac', '1'],
            ...['-ar', String(SPEECH_SAMPLE_RATE), ...spec.args],
          ],
          output: tempPath,
        }),
      );
    }
    const { size } = await stat(path);
    return { ...planned, path, bytes: size, format: options.format, contentType: spec.contentType };
  };

  const cut = async (range: { start: number; end: number }, bytesPerSec = spec.bytesPerSec, depth = 0) => {
    const local = planChunks(
      range.end - range.start,
      options.silences
        .filter((s) => s.end > range.start && s.start < range.end)
        .map((s) => ({
          start: Math.max(0, s.start - range.start),
          end: Math.min(range.end, s.end) - range.start,
        })),
      limitsOf(options, bytesPerSec),
    ).map((c) => ({ ...c, start: onSample(c.start + range.start), end: onSample(c.end + range.start) }));
    await settle(await mapLimit(local, concurrency, write), depth);
  };

  const settle = async (chunks: readonly AudioChunk[], depth: number): Promise<void> => {
    for (const chunk of chunks) {
      if (chunk.bytes <= options.maxBytes) {
        results.push(chunk);
        options.onChunk?.({ ...chunk, index: results.length - 1 }, options.silences);
        continue;
      }
      if (depth >= MAX_RESPLITS || options.format === 'wav') {
        throw new MediaError(
          'failed',
          'The recording could not be cut into small enough pieces.',
          `${chunk.bytes} bytes`,
        );
      }
      const measured = (chunk.bytes / (chunk.end - chunk.start)) * 1.1;
      await rm(chunk.path, { force: true });
      await cut(chunk, measured, depth + 1);
    }
  };

  const result = (): AudioChunk[] =>
    results.sort((a, b) => a.start - b.start).map((chunk, index) => ({ ...chunk, index }));

  const removeAll = () => Promise.all(written.map((path) => rm(path, { force: true })));

  return { cut, nextPath, settle, result, removeAll };
}

/** The limits planChunks works to, for a chunk format whose byte rate is `bytesPerSec`. */
export function limitsOf(
  options: Pick<SplitOptions, 'maxBytes' | 'maxDurationSec' | 'format'>,
  bytesPerSec?: number,
) {
  const spec = CHUNK_FORMATS[options.format];
  return {
    maxDurationSec: options.maxDurationSec,
    maxBytes: options.maxBytes,
    bytesPerSec: bytesPerSec ?? spec.bytesPerSec,
    headerBytes: spec.headerBytes,
  };
}

/**
 * Cuts fall on whole samples: ffmpeg's input seek and the WAV byte slice then take the very same
 * first sample (a cut half-way between two samples went one way in one and the other in the other).
 */
export const onSample = (t: number) => Math.round(t * SPEECH_SAMPLE_RATE) / SPEECH_SAMPLE_RATE;

/**
 * Chunks are scratch files in the caller's work directory, sent once and deleted: written in place,
 * removed if they fail half-way, but not fsynced and renamed like stored outputs (writeAtomically).
 * On a busy disk a 20 MB fsync per chunk cost more than the cut itself.
 */
async function writeScratch<T>(path: string, produce: (path: string) => Promise<T>): Promise<T> {
  try {
    return await produce(path);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const run = pLimit({ concurrency: limit, rejectOnClear: true });
  let failure: { error: unknown } | null = null;
  const all = items.map((item) =>
    run(() => fn(item)).catch((error: unknown) => {
      failure ??= { error };
      run.clearQueue(); // take nothing more; the others finish what they hold
      throw error;
    }),
  );
  // Every task has stopped before this settles, so a caller cleaning up finds no write in flight.
  const settled = await Promise.allSettled(all);
  if (failure) throw (failure as { error: unknown }).error;
  return settled.map((r) => (r as PromiseFulfilledResult<R>).value);
}

export interface PcmLayout {
  dataOffset: number;
  dataBytes: number;
}

/** The data layout when `input` is already what a WAV chunk would hold (16 kHz mono s16), else null. */
async function speechPcmLayout(input: string): Promise<PcmLayout | null> {
  const handle = await open(input, 'r');
  try {
    const h = await readWavHeader(handle, input).catch(() => null);
    if (!h || h.sampleRate !== SPEECH_SAMPLE_RATE || h.channels !== 1 || h.bitsPerSample !== 16) return null;
    const { size } = await handle.stat();
    return { dataOffset: h.dataOffset, dataBytes: Math.min(h.dataBytes, size - h.dataOffset) };
  } finally {
    await handle.close();
  }
}

/** Writes a bare 44-byte-header WAV holding the samples of [start, end) — sample-exact, no decoding. */
export async function copyPcmSlice(
  input: string,
  output: string,
  layout: PcmLayout,
  chunk: PlannedChunk,
  control: RunControl,
) {
  const first = Math.min(layout.dataBytes, Math.round(chunk.start * SPEECH_SAMPLE_RATE) * 2);
  const last = Math.min(layout.dataBytes, Math.round(chunk.end * SPEECH_SAMPLE_RATE) * 2);
  const bytes = Math.max(0, last - first);
  const header = speechWavHeader(bytes);
  const out = createWriteStream(output);
  out.write(header);
  if (bytes === 0) {
    out.end();
    await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
    return;
  }
  const source = createReadStream(input, {
    start: layout.dataOffset + first,
    end: layout.dataOffset + last - 1,
  });
  await pipeline(source, out, control.signal ? { signal: control.signal } : {});
}
