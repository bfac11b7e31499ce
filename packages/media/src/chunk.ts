import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { MediaError } from './errors.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE } from './normalize.ts';
import { planChunks, type PlannedChunk } from './chunk-plan.ts';
import type { RunControl } from './run-control.ts';
import type { SilenceSpan } from './silence.ts';
import { readWavHeader, speechWavHeader } from './wav.ts';

/**
 * How chunks are encoded for upload (all 16 kHz mono):
 * - `wav`: PCM, 32 kB/s, no encoding cost; what a local engine reads.
 * - `flac`: lossless, about half of PCM for telephone speech; encodes at ~3000× real time.
 * Ogg Opus (16 kbit/s) was offered too and removed: even at the lowest complexity its encoder costs
 * about 20 times the decode of the call on this project's ffmpeg (media README, "Speed").
 */
export type ChunkFormat = 'wav' | 'flac';

export const CHUNK_FORMATS: Record<
  ChunkFormat,
  { extension: string; contentType: string; bytesPerSec: number; headerBytes: number; args: string[] }
> = {
  wav: {
    extension: 'wav',
    contentType: 'audio/wav',
    bytesPerSec: SPEECH_SAMPLE_RATE * 2,
    headerBytes: 44,
    args: [
      '-c:a',
      'pcm_s16le',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-f',
      'wav',
    ],
  },
  flac: {
    extension: 'flac',
    contentType: 'audio/flac',
    // First guess (≈ 65 % of PCM); the real size is checked after encoding and a chunk re-split if over.
    bytesPerSec: SPEECH_SAMPLE_RATE * 2 * 0.65,
    headerBytes: 8_192,
    args: ['-c:a', 'flac', '-map_metadata', '-1', '-f', 'flac'],
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
 * true offset in the recording. A compressed chunk that comes out larger than planned is split
 * again at its own pauses using the measured byte rate.
 */
export async function splitAtSilences(
  input: string,
  outDir: string,
  options: SplitOptions,
  control: RunControl,
): Promise<AudioChunk[]> {
  const cutter = chunkCutter(input, outDir, options, control);
  await cutter.cut({ start: 0, end: options.durationSec });
  return cutter.result();
}

/**
 * The chunks of one speech WAV as they are made: `cut` plans and encodes a stretch; `settle` takes
 * chunks encoded elsewhere (prepare-speech-chunks.ts, while the WAV was still being written) and
 * re-splits any that came out over the size limit. `result` lists them all in order.
 */
export function chunkCutter(input: string, outDir: string, options: SplitOptions, control: RunControl) {
  const spec = CHUNK_FORMATS[options.format];
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const results: AudioChunk[] = [];
  let counter = 0;
  const nextPath = () => join(outDir, `chunk-${String(counter++).padStart(4, '0')}.${spec.extension}`);

  // A 16 kHz mono PCM input cut into WAV chunks needs no ffmpeg at all: the samples are copied.
  let pcm: Promise<PcmLayout | null> | undefined;
  const pcmLayout = () => (pcm ??= options.format === 'wav' ? speechPcmLayout(input) : Promise.resolve(null));

  const encode = async (planned: PlannedChunk): Promise<AudioChunk> => {
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
            ...['-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1'],
            ...['-ar', String(SPEECH_SAMPLE_RATE), ...spec.args],
          ],
          output: tempPath,
        }),
      );
    }
    return chunkAt(path, planned);
  };

  const chunkAt = async (path: string, planned: PlannedChunk): Promise<AudioChunk> => {
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
    await settle(await mapLimit(local, concurrency, encode), depth);
  };

  const settle = async (encoded: readonly AudioChunk[], depth = 0): Promise<void> => {
    for (const chunk of encoded) {
      if (chunk.bytes <= options.maxBytes) {
        results.push(chunk);
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

  return { cut, settle, result };
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
 * Writes raw 16 kHz mono s16 samples arriving on `samples` as one chunk file (a scratch file, removed
 * on failure); resolves with its size. WAV: the header, the samples as they are, the header again with
 * the length. FLAC: ffmpeg encodes them from its stdin, so the chunk holds exactly the samples given.
 */
export async function encodePcmStream(
  samples: Readable,
  path: string,
  format: ChunkFormat,
  control: RunControl,
): Promise<number> {
  await writeScratch(path, async (tempPath) => {
    if (format === 'flac') {
      await runFfmpeg({
        ...control,
        input: samples,
        inputOptions: ['-f', 's16le', '-ar', String(SPEECH_SAMPLE_RATE), '-ac', '1'],
        outputOptions: ['-map', '0:a:0', ...CHUNK_FORMATS.flac.args],
        output: tempPath,
      });
      return;
    }
    const out = await open(tempPath, 'w');
    try {
      await out.write(speechWavHeader(0), 0, 44, 0);
      let bytes = 0;
      for await (const block of samples) {
        control.signal?.throwIfAborted();
        await out.write(block as Buffer, 0, (block as Buffer).length, 44 + bytes);
        bytes += (block as Buffer).length;
      }
      await out.write(speechWavHeader(bytes), 0, 44, 0);
    } finally {
      await out.close();
    }
  });
  return (await stat(path)).size;
}

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
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface PcmLayout {
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
async function copyPcmSlice(
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
