import { writeSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { join } from 'node:path';
import { writeAtomically } from './atomic-output.ts';
import {
  chunkCutter,
  CHUNK_FORMATS,
  encodePcmStream,
  limitsOf,
  onSample,
  type AudioChunk,
  type SplitOptions,
} from './chunk.ts';
import { earliestCut, maxChunkSeconds, nextCut, planChunks, type PlannedChunk } from './chunk-plan.ts';
import { MediaError } from './errors.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { SPEECH_SAMPLE_RATE, type ChannelPick } from './normalize.ts';
import { PcmAnalyser } from './pcm-analysis.ts';
import type { SpeechTrack } from './prepare-speech.ts';
import { inspectAudio, type AudioInfo } from './probe.ts';
import type { RunControl } from './run-control.ts';
import type { SilenceOptions } from './silence.ts';
import { speechWavHeader } from './wav.ts';

export interface SpeechChunksRequest {
  /** Where the 16 kHz mono speech WAV goes (written atomically). */
  output: string;
  channel: ChannelPick;
  /** Where the chunk files go. */
  outDir: string;
  split: Omit<SplitOptions, 'silences' | 'durationSec'>;
}

const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
/** Samples read from the speech WAV per write to a chunk's encoder. */
const FEED_SAMPLES = 1 << 16;
/** Above this much queued for an encoder, samples wait in the WAV (read back later) rather than in memory. */
const DIRECT_FEED_LIMIT = 4 << 20;
const CHANNEL_FILTER: Record<ChannelPick, string[]> = {
  mix: ['-ac', '1'],
  left: ['-af', 'pan=mono|c0=c0'],
  right: ['-af', 'pan=mono|c0=c1'],
};

/**
 * prepareSpeech and splitAtSilences in one pass, for one track: ffmpeg decodes the recording to
 * 16 kHz mono PCM on its stdout; this process writes the speech WAV, finds the pauses as the samples
 * arrive, and starts each chunk's encoder while the decode goes on, so on two cores the chunk
 * encoding (FLAC costs about as much as the decode) runs beside the decode instead of after it.
 *
 * A chunk's cut is decided as soon as a pause's worth of samples past its window has been heard
 * (nextCut reads nothing later), so the cuts are exactly the ones splitAtSilences makes from the
 * finished file, on whole samples and in pauses. Until then its encoder is fed up to the earliest
 * point the cut may fall; the rest follows the cut. Encoders read the samples back from the WAV being
 * written (page cache), so nothing is held in memory. A compressed chunk that comes out over the
 * size limit is re-split from the finished WAV as splitAtSilences does.
 */
export async function prepareSpeechChunks(
  input: string,
  request: SpeechChunksRequest,
  silence: Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'>,
  control: RunControl,
  known?: AudioInfo,
): Promise<{ track: SpeechTrack; chunks: AudioChunk[] }> {
  const { channel } = request;
  if (channel !== 'mix') {
    const info = known ?? (await inspectAudio(input, control));
    if (info.channels < 2) {
      throw new MediaError(
        'channel_unavailable',
        `The recording is mono, so it has no separate ${channel} channel.`,
        `channels=${info.channels}`,
      );
    }
  }
  return writeAtomically(request.output, async (wavPath) => {
    const file = await open(wavPath, 'w+');
    const live = new LiveChunks(file, request, control);
    try {
      await file.write(speechWavHeader(0), 0, HEADER_BYTES, 0);
      const analyser = new PcmAnalyser(SPEECH_SAMPLE_RATE, silence);
      const maxLen = maxChunkSeconds(limitsOf(request.split));
      let start = 0;
      let samples = 0;
      let carry: Buffer | null = null;
      await runFfmpeg({
        ...control,
        input,
        outputOptions: [
          ...['-map', '0:a:0', '-vn', '-sn', '-dn', ...CHANNEL_FILTER[channel]],
          ...['-ar', String(SPEECH_SAMPLE_RATE), '-c:a', 'pcm_s16le', '-f', 's16le'],
        ],
        output: (data) => {
          const bytes = carry ? Buffer.concat([carry, data]) : data;
          const whole = bytes.length - (bytes.length % BYTES_PER_SAMPLE);
          carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
          if (whole === 0) return;
          writeSync(file.fd, bytes, 0, whole, HEADER_BYTES + samples * BYTES_PER_SAMPLE);
          analyser.add(int16View(bytes, whole));
          const from = samples;
          samples += whole / BYTES_PER_SAMPLE;
          const heard = samples / SPEECH_SAMPLE_RATE;
          while (start + maxLen + analyser.settleSec <= heard) {
            const { cut, hardCut } = nextCut(start, analyser.soFar().silences, maxLen);
            live.end({ start, end: cut, hardCut });
            start = cut;
          }
          live.feed(start, Math.min(heard, earliestCut(start, maxLen)), {
            from,
            bytes: bytes.subarray(0, whole),
          });
        },
      });
      const analysis = analyser.finish();
      await file.write(speechWavHeader(samples * BYTES_PER_SAMPLE), 0, HEADER_BYTES, 0);
      for (const rest of planChunks(
        analysis.durationSec,
        analysis.silences,
        limitsOf(request.split),
        start,
      )) {
        live.end(rest);
      }
      const cutter = chunkCutter(wavPath, request.outDir, { ...request.split, ...analysis }, control);
      await cutter.settle(await live.done());
      return { track: { ...analysis, path: request.output, channel }, chunks: cutter.result() };
    } catch (error) {
      await live.abandon();
      throw error;
    } finally {
      await file.close();
    }
  });
}

/** One chunk being written from the speech WAV while the WAV itself is still being written. */
interface LiveChunk {
  fedTo: number;
  target: number;
  planned: Omit<PlannedChunk, 'index'> | null;
  input: PassThrough;
  pumping: boolean;
  path: string;
  /** Bytes of the finished chunk file. */
  written: Promise<number>;
}

/** The chunks of one prepareSpeechChunks run: at most one open (still growing), the others finishing. */
class LiveChunks {
  private current: LiveChunk | null = null;
  private readonly all: LiveChunk[] = [];

  constructor(
    private readonly wav: FileHandle,
    private readonly request: SpeechChunksRequest,
    private readonly control: RunControl,
  ) {}

  /**
   * Samples up to `upTo` seconds are in the WAV and belong to the chunk starting at `start`. When the
   * chunk's encoder has had everything before `block` (the usual case: no cut is pending), the block
   * goes to it as it is instead of being read back from the WAV.
   */
  feed(start: number, upTo: number, block: { from: number; bytes: Buffer }): void {
    const chunk = this.open(start);
    const target = Math.max(chunk.target, toSample(upTo));
    const blockEnd = block.from + block.bytes.length / BYTES_PER_SAMPLE;
    if (
      !chunk.pumping &&
      chunk.fedTo === block.from &&
      target >= blockEnd &&
      chunk.input.writableLength < DIRECT_FEED_LIMIT
    ) {
      // The pipe's buffer is not reused once handed over, so the encoder may keep it.
      chunk.input.write(block.bytes);
      chunk.fedTo = blockEnd;
    }
    chunk.target = target;
    this.pump(chunk);
  }

  /** The chunk starting at `planned.start` ends at `planned.end` (all its samples are in the WAV). */
  end(planned: Omit<PlannedChunk, 'index'>): void {
    const chunk = this.open(planned.start);
    chunk.target = toSample(planned.end);
    chunk.planned = { ...planned, start: onSample(planned.start), end: onSample(planned.end) };
    this.current = null;
    this.pump(chunk);
  }

  async done(): Promise<AudioChunk[]> {
    const spec = CHUNK_FORMATS[this.request.split.format];
    return Promise.all(
      this.all.map(async (c) => ({
        ...c.planned!,
        index: 0,
        path: c.path,
        bytes: await c.written,
        format: this.request.split.format,
        contentType: spec.contentType,
      })),
    );
  }

  /**
   * After a failure: ends every encoder's input (an encoder whose stdin stays open would wait for it
   * until the timeout), lets them finish, and removes what they wrote.
   */
  async abandon(): Promise<void> {
    for (const chunk of this.all) {
      chunk.planned ??= { start: 0, end: 0, hardCut: false };
      chunk.target = chunk.fedTo;
      if (!chunk.pumping) chunk.input.end();
    }
    await Promise.allSettled(this.all.map((c) => c.written));
    await Promise.all(this.all.map((c) => rm(c.path, { force: true })));
  }

  private open(start: number): LiveChunk {
    if (this.current) return this.current;
    const startSample = toSample(start);
    const input = new PassThrough();
    const { format } = this.request.split;
    const path = join(
      this.request.outDir,
      `live-${String(this.all.length).padStart(4, '0')}.${CHUNK_FORMATS[format].extension}`,
    );
    const chunk: LiveChunk = {
      fedTo: startSample,
      target: startSample,
      planned: null,
      input,
      pumping: false,
      path,
      written: encodePcmStream(input, path, format, this.control),
    };
    // Failures surface through done(); this keeps an early one from being an unhandled rejection.
    chunk.written.catch(() => {});
    this.current = chunk;
    this.all.push(chunk);
    return chunk;
  }

  /** Copies the chunk's samples from the WAV to its encoder up to `target`; ends it once planned. */
  private pump(chunk: LiveChunk): void {
    if (chunk.pumping) return;
    chunk.pumping = true;
    void (async () => {
      try {
        while (chunk.fedTo < chunk.target) {
          const n = Math.min(FEED_SAMPLES, chunk.target - chunk.fedTo);
          const buffer = Buffer.allocUnsafe(n * BYTES_PER_SAMPLE);
          await this.wav.read(buffer, 0, buffer.length, HEADER_BYTES + chunk.fedTo * BYTES_PER_SAMPLE);
          chunk.fedTo += n;
          if (!chunk.input.write(buffer)) await once(chunk.input, 'drain');
        }
        if (chunk.planned) chunk.input.end();
      } catch (error) {
        chunk.input.destroy(error as Error);
      } finally {
        chunk.pumping = false;
      }
    })();
  }
}

/** The samples of a pipe buffer as Int16Array: a view when it sits on a 2-byte boundary, else a copy. */
function int16View(bytes: Buffer, length: number): Int16Array {
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, length / 2);
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + length));
}

const toSample = (sec: number) => Math.round(sec * SPEECH_SAMPLE_RATE);
