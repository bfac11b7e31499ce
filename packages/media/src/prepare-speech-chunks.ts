import { fstatSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeAtomically } from './atomic-output.ts';
import { chunkCutter, limitsOf, onSample, type AudioChunk, type SplitOptions } from './chunk.ts';
import { maxChunkSeconds, nextCut, planChunks, type PlannedChunk } from './chunk-plan.ts';
import { MediaError } from './errors.ts';
import { FIRST_AUDIO_STREAM, runFfmpeg } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE, speechWavArgs, type ChannelPick } from './normalize.ts';
import { PcmAnalyser } from './pcm-analysis.ts';
import type { SpeechTrack } from './prepare-speech.ts';
import type { AudioInfo } from './probe.ts';
import { abortedError, type RunControl } from './run-control.ts';
import type { SilenceOptions } from './silence.ts';
import { readWavHeader } from './wav.ts';

export interface SpeechChunksRequest {
  /** Where the 16 kHz mono speech WAV goes (written atomically). */
  output: string;
  channel: ChannelPick;
  /** Where the chunk files go. */
  outDir: string;
  split: Omit<SplitOptions, 'silences' | 'durationSec'>;
}

/** How often the WAV being written is looked at for new samples (a block is written every ~15 ms). */
const POLL_MS = 10;
/** Bytes read per step, as analysePcmWav reads them. */
const BLOCK_BYTES = 1 << 20;

/**
 * One track's speech WAV, its pauses and its chunks in one call — the same WAV, pauses, chunks and
 * bytes as prepareSpeech then splitAtSilences. ffmpeg decodes (downmixes, resamples) the recording
 * once to the WAV; this process reads the pauses from the samples already on disk while the decode
 * goes on (the skipping scan of pcm-analysis.ts, the same reads analysePcmWav makes afterwards), and
 * as soon as a chunk's cut is decided — nextCut reads no pause that begins past the chunk's limit, so
 * a pause's worth of samples past it settles the cut — an ffmpeg encodes that chunk from the WAV's
 * bytes already written while the decode writes the rest. Only the last chunk's encode (and a
 * re-split of one that came out too big) waits for the decode.
 *
 * Every PCM byte goes through this process once, as before (a read for the pauses): the chunk
 * encoders read the WAV themselves, from the page cache. Measured ways of overlapping that cost more
 * than they saved on the shared 2-core box (60-minute call, load 14–19): this process feeding each
 * chunk's encoder from the decode's stdout (+1.4 s Node CPU an hour); two ffmpeg joined by an OS pipe
 * (decode | encode: the 200 kB pipe holds ~6 ms of decoding, so a loaded machine seldom runs both and
 * the wall time doubled); one ffmpeg writing the WAV and the FLAC (2.2 s CPU against 1.75 s). While the
 * decode runs, encoders take one core fewer than `concurrency` (two cores: one), so the decode — the
 * longest step — is not slowed by its own chunks.
 *
 * All or nothing: a failed or cancelled run stops every ffmpeg it started and leaves neither the WAV
 * nor any chunk.
 */
export async function prepareSpeechChunks(
  input: string,
  request: SpeechChunksRequest,
  silence: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'>,
  control: RunControl,
  known?: AudioInfo,
): Promise<{ track: SpeechTrack; chunks: AudioChunk[] }> {
  const { channel, output } = request;
  const wavArgs = await speechWavArgs(input, channel, control, known);
  // One stop for every ffmpeg of the run: the caller's cancel, or the first of them to fail.
  const stop = new AbortController();
  const cancel = () => stop.abort();
  control.signal?.addEventListener('abort', cancel, { once: true });
  if (control.signal?.aborted) cancel();
  const run: RunControl = { ...control, signal: stop.signal };
  let firstError: unknown;
  const fail = (error: unknown) => {
    firstError ??= error;
    stop.abort();
  };
  try {
    return await writeAtomically(output, async (wavPath) => {
      let decoding = true;
      const decode = runFfmpeg({
        ...run,
        input,
        outputOptions: [...FIRST_AUDIO_STREAM, ...wavArgs],
        output: wavPath,
      }).finally(() => {
        decoding = false;
      });
      decode.catch(fail);
      const decoded = decode.then(
        () => true,
        () => false,
      );
      // The pauses and length are filled in once the decode has ended: only a re-split reads them.
      const split: SplitOptions = { ...request.split, silences: [], durationSec: 0 };
      const growing = { dataOffset: SPEECH_DATA_OFFSET, dataBytes: Infinity };
      const cutter = chunkCutter(wavPath, request.outDir, split, run, growing);
      const concurrency = Math.max(1, request.split.concurrency ?? 2);
      const encodes = encodeQueue(
        cutter.write,
        () => (decoding ? Math.max(1, concurrency - 1) : concurrency),
        fail,
      );
      try {
        const analyser = new PcmAnalyser(SPEECH_SAMPLE_RATE, silence);
        const limits = limitsOf(request.split);
        const maxLen = maxChunkSeconds(limits);
        let start = 0;
        await followWav(wavPath, decoded, stop.signal, (samples, heard) => {
          analyser.add(samples);
          // The cut after `start` reads only pauses beginning before start + maxLen (nextCut): once a
          // pause's worth past that has been heard, they are all known and the recording is longer.
          while (start + maxLen + analyser.settleSec <= heard) {
            const { cut, hardCut } = nextCut(start, analyser.soFar().silences, maxLen);
            encodes.add({ index: 0, start: onSample(start), end: onSample(cut), hardCut });
            start = cut;
          }
        });
        await decode;
        encodes.wake();
        const analysis = analyser.finish();
        Object.assign(split, analysis);
        for (const rest of planChunks(analysis.durationSec, analysis.silences, limits, start)) {
          encodes.add({ ...rest, start: onSample(rest.start), end: onSample(rest.end) });
        }
        await cutter.settle(await encodes.done(), 0);
        return { track: { ...analysis, path: output, channel }, chunks: cutter.result() };
      } catch (error) {
        fail(error);
        // Every ffmpeg has stopped before anything is removed, so none writes after the clean-up.
        await Promise.allSettled([decode, encodes.idle()]);
        await cutter.removeAll();
        throw firstError;
      }
    });
  } catch (error) {
    throw firstError ?? error;
  } finally {
    control.signal?.removeEventListener('abort', cancel);
  }
}

/** Where the samples start in the speech WAV (SPEECH_WAV_ARGS: a bare 44-byte header). */
const SPEECH_DATA_OFFSET = 44;

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
    const buffer = Buffer.allocUnsafeSlow(BLOCK_BYTES);
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

/**
 * Chunks written as they are planned, in plan order (their file names follow it), at most `limit()`
 * at a time; the first failure goes to `fail` and nothing more is started. `done` waits for them all.
 */
function encodeQueue(
  write: (planned: PlannedChunk) => Promise<AudioChunk>,
  limit: () => number,
  fail: (error: unknown) => void,
) {
  const waiting: PlannedChunk[] = [];
  const all: Promise<AudioChunk>[] = [];
  const running = new Set<Promise<unknown>>();
  let failed = false;
  const wake = () => {
    while (!failed && waiting.length > 0 && running.size < limit()) {
      const job = write(waiting.shift()!);
      all.push(job);
      const settled = job.then(
        () => {},
        (error: unknown) => {
          failed = true;
          fail(error);
        },
      );
      running.add(settled);
      void settled.finally(() => {
        running.delete(settled);
        wake();
      });
    }
  };
  const idle = async () => {
    while (running.size > 0) await Promise.all(running);
  };
  return {
    add(planned: PlannedChunk) {
      waiting.push(planned);
      wake();
    },
    wake,
    idle,
    async done(): Promise<AudioChunk[]> {
      while (waiting.length > 0 || running.size > 0) {
        await idle();
        wake();
        if (failed) break;
      }
      return Promise.all(all);
    },
  };
}
