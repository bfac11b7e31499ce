import { fstatSync } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import {
  chunkCutter,
  CHUNK_FORMATS,
  copyPcmSlice,
  limitsOf,
  onSample,
  type AudioChunk,
  type SplitOptions,
} from './chunk.ts';
import { earliestCut, maxChunkSeconds, nextCut, planChunks, type PlannedChunk } from './chunk-plan.ts';
import { probeAndDeriveCopies } from './derived-copies.ts';
import { MediaError } from './errors.ts';
import { FIRST_AUDIO_STREAM, runFfmpeg } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE } from './normalize.ts';
import { PcmAnalyser } from './pcm-analysis.ts';
import type { AudioInfo } from './probe.ts';
import { abortedError, remainingMs, type RunControl } from './run-control.ts';
import type { SilenceMap, SilenceOptions } from './silence.ts';
import { readWavHeader } from './wav.ts';

export interface SpeechChunksRequest {
  /** Where the 16 kHz mono speech WAV (the mix) goes: a scratch file, as probeAndDeriveCopies writes it. */
  output: string;
  /** Where the chunk files go. */
  outDir: string;
  /** Scratch directory for the probe's check windows (no spaces, like `output`). */
  workDir: string;
  /** The engine's limits and format; `onChunk` hears of each chunk as soon as it is ready. */
  split: Omit<SplitOptions, 'silences' | 'durationSec'>;
}

export interface SpeechChunks {
  /** What probe() says of the recording. */
  info: AudioInfo;
  /** The speech WAV at `output`, with its pauses. */
  track: SilenceMap & { path: string };
  /** Every chunk, in order: the same cuts and files as splitAtSilences makes from the finished WAV. */
  chunks: AudioChunk[];
}

/** Where the samples start in the speech WAV (a bare 44-byte header, as derived-copies.ts writes it). */
const SPEECH_DATA_OFFSET = 44;
/** How often the WAV being written is looked at for new samples (ffmpeg writes a block every few ms). */
const POLL_MS = 10;
/** Bytes the pause scan reads per step, as analysePcmWav reads them. */
const SCAN_BYTES = 1 << 20;
/** Samples handed to a chunk's encoder per write, from one of FEED_BUFFERS buffers per encoder. */
const FEED_SAMPLES = 1 << 17;
const FEED_BUFFERS = 3;
/** How a chunk encoder reads its samples from stdin: the speech WAV's own format, without a header. */
const RAW_SPEECH_INPUT = ['-f', 's16le', '-ar', String(SPEECH_SAMPLE_RATE), '-ac', '1'];

/**
 * Everything the speech-to-text of a mono (or mixed) call needs, with the decode, the pause scan and
 * the chunk encodes running at the same time: probe() and the speech WAV as probeAndDeriveCopies
 * makes them (ffprobe, then one ffmpeg run that decodes the check windows and writes the WAV), the
 * pauses read from the WAV's samples while ffmpeg is still writing it, and the chunks cut and encoded
 * meanwhile — the same cuts, files and bytes as detectSilence + splitAtSilences on the finished WAV.
 *
 * A chunk's start is known as soon as the previous cut is; its FLAC encoder starts then and is fed the
 * samples from the WAV (page cache) as the decode writes them, up to the earliest point its cut may
 * fall (chunk-plan.ts: half the allowed length). The cut itself is settled once a pause's worth past
 * the chunk's limit has been heard — nextCut reads no pause beginning later — and the rest is fed.
 * So when the decode ends only the last chunk's encoder has anything left, and no more than the
 * samples of the last few milliseconds. (Earlier ways, in git history: each chunk encoded from the
 * WAV after its cut — the last one after the decode, ~0.25× of it for an hour; the decode's stdout
 * piped through Node — +1.4 s of Node CPU an hour; decode | encode over an OS pipe, which paced the
 * decode to the encoder.) WAV chunks are byte ranges, copied once their cut is known.
 *
 * `split.onChunk` gets each chunk, in order, once its file is complete and within the limits: a
 * caller can send it while the rest is decoded. A FLAC chunk over the size limit is cut again at its
 * pauses from the WAV, as splitAtSilences does.
 *
 * All or nothing: a failure (the probe's verdict — not_audio, corrupt — included) or a cancel stops
 * every ffmpeg it started and leaves neither the WAV nor any chunk.
 */
export async function prepareSpeechChunks(
  input: string,
  request: SpeechChunksRequest,
  silence: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'>,
  control: RunControl,
): Promise<SpeechChunks> {
  const { output, outDir, workDir } = request;
  // One stop for every ffmpeg of the run: the caller's cancel, or the first of them to fail.
  const stop = new AbortController();
  const cancel = () => {
    firstError ??= abortedError();
    stop.abort();
  };
  control.signal?.addEventListener('abort', cancel, { once: true });
  if (control.signal?.aborted) cancel();
  const run: RunControl = { ...control, signal: stop.signal };
  let firstError: unknown;
  const fail = (error: unknown) => {
    firstError ??= error;
    stop.abort();
  };

  const decode = probeAndDeriveCopies(
    input,
    { speech: output },
    { workDir, signal: stop.signal, timeoutMs: remainingMs(control) },
  );
  decode.catch(fail);
  const decoded = decode.then(
    () => true,
    () => false,
  );

  // The pauses and length are filled in as they become final: a re-split reads them.
  const split: SplitOptions = { ...request.split, silences: [], durationSec: 0 };
  const cutter = chunkCutter(output, outDir, split, run);
  const analyser = new PcmAnalyser(SPEECH_SAMPLE_RATE, silence);
  const limits = limitsOf(split);
  const maxLen = maxChunkSeconds(limits);
  const progress = new Progress(stop.signal);
  const feed = new FeedSource(output);
  // Chunks are written at most `concurrency` at a time, in plan order: when the scan catches up
  // with the decode many cuts are settled at once, and each would start an ffmpeg. The chunk still
  // being fed is always the last in line, so the ones before it free their slots.
  const slot = pLimit(Math.max(1, split.concurrency ?? 2));
  let heardSamples = 0;

  // Chunks in plan order: each one's file is made by `make`, then kept (and reported) or re-split in
  // that order, so onChunk hears them in the recording's order.
  const jobs: Promise<unknown>[] = [];
  let settled: Promise<void> = Promise.resolve();
  const keep = (make: () => Promise<AudioChunk>) => {
    // a chunk whose turn comes after a stop is not started
    const made = slot(() => (stop.signal.aborted ? Promise.reject(abortedError()) : make()));
    jobs.push(made);
    made.catch(fail);
    settled = settled.then(async () => {
      const chunk = await made;
      // The pauses of its span are final by now (its end is a pause's worth behind what was heard).
      split.silences = analyser.soFar().silences;
      await cutter.settle([chunk], 0);
    });
    settled.catch(fail);
  };

  const spec = CHUNK_FORMATS[split.format];
  /** The FLAC chunk being fed while its cut is not known yet. */
  let feeding: LiveChunk | null = null;
  const startChunk = (start: number, planned?: Omit<PlannedChunk, 'index'>): LiveChunk => {
    const chunk: LiveChunk = planned
      ? { ...planned, earliestSample: toSample(planned.end) }
      : { start, end: null, hardCut: false, earliestSample: toSample(earliestCut(start, maxLen)) };
    const path = cutter.nextPath();
    keep(() => encodeLive(chunk, path));
    return chunk;
  };
  const encodeLive = async (chunk: LiveChunk, path: string): Promise<AudioChunk> => {
    let started!: (stdin: Writable) => void;
    const stdin = new Promise<Writable>((resolve) => (started = resolve));
    let closed = false;
    const encoded = runFfmpeg({
      ...run,
      input: 'pipe:0',
      stdin: started,
      inputOptions: RAW_SPEECH_INPUT,
      outputOptions: [...FIRST_AUDIO_STREAM, '-ac', '1', '-ar', String(SPEECH_SAMPLE_RATE), ...spec.args],
      output: path,
    });
    // Its end stops the feed: a failure, or an exit before its input was closed.
    const ended = encoded.then(() => {
      if (!closed) throw new MediaError('failed', 'A chunk encoder ended before its input did.');
    });
    ended.catch(() => {});
    const pipe = (await Promise.race([stdin, ended])) as Writable;
    // A few buffers, each used again once the pipe has taken its bytes: a fresh one per write was
    // ~115 MB of garbage an hour, and its page faults and collections cost more than the reads.
    const free = Array.from({ length: FEED_BUFFERS }, () => Buffer.allocUnsafeSlow(FEED_SAMPLES * 2));
    let freed: (() => void) | null = null;
    let fedTo = toSample(chunk.start);
    for (;;) {
      const limit = chunk.end !== null ? toSample(chunk.end) : Math.min(heardSamples, chunk.earliestSample);
      if (fedTo < limit) {
        while (free.length === 0) await Promise.race([new Promise<void>((r) => (freed = r)), ended]);
        const buffer = free.pop()!;
        const count = Math.min(limit - fedTo, FEED_SAMPLES);
        await feed.readInto(buffer, fedTo, count);
        fedTo += count;
        pipe.write(buffer.subarray(0, count * 2), () => {
          free.push(buffer);
          freed?.();
        });
        continue;
      }
      if (chunk.end !== null) break;
      await Promise.race([progress.next(), ended]);
    }
    closed = true;
    pipe.end();
    await ended;
    return {
      index: 0,
      start: chunk.start,
      end: chunk.end,
      hardCut: chunk.hardCut,
      path,
      bytes: (await stat(path)).size,
      format: split.format,
      contentType: spec.contentType,
    };
  };
  /** A chunk whose cut is known: a WAV chunk is copied now, a FLAC one's encoder is told where to stop. */
  const plan = (planned: Omit<PlannedChunk, 'index'>) => {
    if (split.format === 'wav') {
      const path = cutter.nextPath();
      const layout = { dataOffset: SPEECH_DATA_OFFSET, dataBytes: Infinity };
      keep(async () => {
        await copyPcmSlice(output, path, layout, { ...planned, index: 0 }, run);
        const { size } = await stat(path);
        return {
          ...planned,
          index: 0,
          path,
          bytes: size,
          format: split.format,
          contentType: spec.contentType,
        };
      });
      return;
    }
    if (feeding && feeding.start === planned.start) {
      feeding.end = planned.end;
      feeding.hardCut = planned.hardCut;
      feeding = null;
    } else {
      startChunk(planned.start, planned);
    }
  };

  try {
    if (split.format !== 'wav') feeding = startChunk(0);
    let start = 0;
    await followWav(output, decoded, stop.signal, (block, heard) => {
      analyser.add(block);
      heardSamples = Math.round(heard * SPEECH_SAMPLE_RATE);
      // The cut after `start` reads only pauses beginning before start + maxLen (nextCut): once a
      // pause's worth past that has been heard, they are all known and the recording is longer.
      while (start + maxLen + analyser.settleSec <= heard) {
        const { cut, hardCut } = nextCut(start, analyser.soFar().silences, maxLen);
        plan({ start: onSample(start), end: onSample(cut), hardCut });
        start = cut;
        if (split.format !== 'wav') feeding = startChunk(onSample(start));
      }
      progress.wake();
    });
    const { info } = await decode;
    const analysis = analyser.finish();
    Object.assign(split, analysis);
    for (const rest of planChunks(analysis.durationSec, analysis.silences, limits, start)) {
      plan({ ...rest, start: onSample(rest.start), end: onSample(rest.end) });
    }
    progress.wake();
    await Promise.all(jobs);
    await settled;
    if (firstError !== undefined) throw firstError;
    return { info, track: { ...analysis, path: output }, chunks: cutter.result() };
  } catch (error) {
    fail(error);
    // Every ffmpeg has stopped before anything is removed, so none writes after the clean-up.
    await Promise.allSettled([decode, ...jobs, settled]);
    await cutter.removeAll();
    await rm(output, { force: true });
    throw firstError;
  } finally {
    control.signal?.removeEventListener('abort', cancel);
    await feed.close();
  }
}

/** One chunk of the WAV being written, fed to its encoder as the samples arrive. */
interface LiveChunk {
  start: number;
  /** Where it ends, once its cut is known. */
  end: number | null;
  hardCut: boolean;
  /** Before the cut is known, it is fed up to here: no cut falls earlier (chunk-plan.ts). */
  earliestSample: number;
}

const toSample = (sec: number) => Math.round(sec * SPEECH_SAMPLE_RATE);

/** Reads samples back from the speech WAV (from the page cache: the scan has just read them). */
class FeedSource {
  private handle: Promise<FileHandle> | null = null;
  constructor(private readonly path: string) {}

  /** `count` samples from `fromSample` into the start of `buffer`. */
  async readInto(buffer: Buffer, fromSample: number, count: number): Promise<void> {
    const handle = await (this.handle ??= open(this.path, 'r'));
    const { bytesRead } = await handle.read(buffer, 0, count * 2, SPEECH_DATA_OFFSET + fromSample * 2);
    if (bytesRead !== count * 2) {
      throw new MediaError('failed', 'The speech WAV changed while it was read.', `${bytesRead} bytes`);
    }
  }

  async close(): Promise<void> {
    if (this.handle) await (await this.handle.catch(() => null))?.close();
  }
}

/** Wakes whoever waits for more samples (or a cut); a stop wakes them too, with the abort. */
class Progress {
  private waiting: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null =
    null;
  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.waiting?.reject(abortedError()), { once: true });
  }

  next(): Promise<void> {
    if (this.signal.aborted) return Promise.reject(abortedError());
    if (!this.waiting) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {});
      this.waiting = { promise, resolve, reject };
    }
    return this.waiting.promise;
  }

  wake(): void {
    this.waiting?.resolve();
    this.waiting = null;
  }
}

/**
 * Reads the samples of the speech WAV ffmpeg is writing at `path`, block by block as they appear,
 * until `decoded` says the decode has ended (true: finished, false: failed — then it stops reading).
 * `onSamples` gets each block and the seconds heard so far.
 */
async function followWav(
  path: string,
  decoded: Promise<boolean>,
  signal: AbortSignal,
  onSamples: (samples: Int16Array, heardSec: number) => void,
): Promise<void> {
  let ended: boolean | undefined;
  void decoded.then((ok) => (ended = ok));
  const handle = await openWhenWritten(path, () => ended, decoded, signal);
  if (!handle) return;
  try {
    const header = await readWavHeader(handle, path);
    if (header.dataOffset !== SPEECH_DATA_OFFSET || header.channels !== 1 || header.bitsPerSample !== 16) {
      throw new MediaError('failed', 'The speech WAV is not laid out as written.', path);
    }
    const buffer = Buffer.allocUnsafeSlow(SCAN_BYTES);
    const samples = new Int16Array(buffer.buffer, buffer.byteOffset, buffer.length / 2);
    let position = 0;
    for (;;) {
      if (signal.aborted) throw abortedError();
      // Whether the decode had ended before this read: then a short read is the end of the file.
      const last = ended;
      if (last === false) return;
      // Whole blocks only while the decode goes on: the scan reads each block's last pause-length
      // of samples one by one, so the small writes ffmpeg makes would cost it many times that.
      if (!last && writtenBytes(handle) - SPEECH_DATA_OFFSET - position < buffer.length) {
        await Promise.race([sleep(POLL_MS), decoded]);
        continue;
      }
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, SPEECH_DATA_OFFSET + position);
      const whole = bytesRead - (bytesRead % 2);
      if (whole > 0) {
        position += whole;
        onSamples(samples.subarray(0, whole / 2), position / 2 / SPEECH_SAMPLE_RATE);
      } else if (last) {
        break;
      }
    }
    const { dataBytes } = await readWavHeader(handle, path);
    if (dataBytes !== position) {
      throw new MediaError(
        'failed',
        'The speech WAV changed while it was read.',
        `${dataBytes} ≠ ${position}`,
      );
    }
  } finally {
    await handle.close();
  }
}

/**
 * The file's size. Synchronous: an fstat of an open file does no I/O, and asked every few
 * milliseconds the promise version's round trip through the thread pool cost more than the read.
 */
const writtenBytes = (handle: FileHandle) => fstatSync(handle.fd).size;

/** The WAV being written, once its header is on disk; null when the decode failed first. */
async function openWhenWritten(
  path: string,
  ended: () => boolean | undefined,
  decoded: Promise<boolean>,
  signal: AbortSignal,
): Promise<FileHandle | null> {
  for (;;) {
    if (signal.aborted) throw abortedError();
    const last = ended();
    if (last === false) return null;
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (handle) {
      if (last || (await handle.stat()).size > SPEECH_DATA_OFFSET) return handle;
      await handle.close();
    } else if (last) {
      throw new MediaError('failed', 'ffmpeg wrote no speech WAV.', path);
    }
    await Promise.race([sleep(POLL_MS), decoded]);
  }
}
