/**
 * The only module that talks to fluent-ffmpeg (archived upstream). Everything else in the package
 * builds plain argument lists and calls runFfmpeg / runFfprobe, so swapping the library for a
 * direct child_process wrapper only touches this file (and binaries.ts).
 */
import type { ChildProcess } from 'node:child_process';
import ffmpeg from 'fluent-ffmpeg';
import type { FfprobeData } from 'fluent-ffmpeg';
import { Writable, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { MediaError } from './errors.ts';
import { abortedError, remainingMs, timeoutError, type RunControl } from './run-control.ts';

export type { FfprobeData };

export interface FfmpegJob extends RunControl {
  /** A path or lavfi graph, or a stream piped to ffmpeg's stdin (give its format in `inputOptions`). */
  input: string | Readable;
  /** Options placed before `-i` (e.g. `-sseof`, `-t` to read only part of the input). */
  inputOptions?: string[];
  /** Everything after the input: mapping, filters, codec, and always an explicit `-f`. */
  outputOptions: string[];
  /** A file path, or a callback receiving ffmpeg's stdout (`pipe:1`) chunk by chunk, with backpressure. */
  output: string | ChunkSink;
  /**
   * With `input: 'pipe:0'`: called once ffmpeg has started, with its stdin, which the caller writes
   * the input to and ends. Unlike a Readable input, each write's callback says when its bytes have
   * reached the pipe, so the caller can reuse its buffers.
   */
  stdin?: (stdin: Writable) => void;
}

/** Called synchronously per stdout chunk; throwing stops ffmpeg and fails the job. */
export type ChunkSink = (chunk: Buffer) => void;

/** Output options that keep the recording's first audio stream only: no video (cover art), subtitles or data. */
export const FIRST_AUDIO_STREAM = ['-map', '0:a:0', '-vn', '-sn', '-dn'];

/** Quiet, non-interactive: stderr then holds only real errors, which we keep for diagnostics. */
const GLOBAL_OPTIONS = ['-hide_banner', '-nostdin', '-v', 'error'];
/** Lines of ffmpeg stderr kept for the error detail. */
const STDERR_LINES_KEPT = 40;

/**
 * Runs one ffmpeg command. Resolves when ffmpeg exited 0 (and, for a sink, every chunk was
 * delivered); rejects with MediaError: 'timeout' / 'aborted' after SIGKILLing ffmpeg, or 'failed'
 * with ffmpeg's stderr in `detail`.
 */
export async function runFfmpeg(job: FfmpegJob): Promise<void> {
  if (typeof job.output === 'string') return runCommand(job, job.output);
  const sink = job.output;
  // emitClose: false — fluent-ffmpeg treats the output stream's 'close' as "reader went away" and
  // kills ffmpeg 20 ms later if the exit event hasn't arrived yet, which happens under load.
  const writable = new Writable({
    emitClose: false,
    write(chunk: Buffer, _encoding, callback) {
      try {
        sink(chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  await runCommand(job, writable);
  await finished(writable);
}

function runCommand(job: FfmpegJob, output: string | Writable): Promise<void> {
  const { signal, timeoutMs } = job;
  if (signal?.aborted) return Promise.reject(abortedError());

  return new Promise<void>((resolve, reject) => {
    let stopReason: 'timeout' | 'aborted' | undefined;
    let settled = false;
    let started = false;

    const command = ffmpeg({ stdoutLines: STDERR_LINES_KEPT })
      .input(job.input)
      .inputOptions([...GLOBAL_OPTIONS, ...(job.inputOptions ?? [])])
      .outputOptions(job.outputOptions)
      .output(output);

    const stop = (reason: 'timeout' | 'aborted') => {
      stopReason ??= reason;
      // Before 'start' there is no process yet; the 'start' handler kills it as soon as it exists.
      if (started) command.kill('SIGKILL');
    };
    const onAbort = () => stop('aborted');
    const timer = setTimeout(() => stop('timeout'), remainingMs(job));
    signal?.addEventListener('abort', onAbort, { once: true });

    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (child) runningChildren.delete(child);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };

    let child: ChildProcess | undefined;
    command
      .on('start', () => {
        started = true;
        // fluent-ffmpeg keeps the child on the command; it is not in its typings.
        child = (command as unknown as { ffmpegProc?: ChildProcess }).ffmpegProc;
        if (child) trackChild(child);
        if (stopReason) return command.kill('SIGKILL');
        if (job.stdin && child?.stdin) {
          // An ffmpeg that exits early closes its stdin under the writer: its own end is what counts.
          child.stdin.on('error', () => {});
          job.stdin(child.stdin);
        }
      })
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        if (stopReason === 'aborted') return settle(abortedError());
        if (stopReason === 'timeout') return settle(timeoutError(timeoutMs));
        const detail = (stderr || error.message).trim();
        // A signal we did not send (a crash, the OOM killer) or a binary that cannot start says
        // nothing about the input: it is our tooling that broke.
        if (toolDidNotFinish(error)) {
          return settle(
            new MediaError('tools_broken', TOOLS_BROKEN_MESSAGE, `${error.message}\n${detail}`, {
              cause: error,
            }),
          );
        }
        settle(new MediaError('failed', 'Audio processing failed.', detail, { cause: error }));
      })
      .on('end', () => settle())
      .run();
  });
}

/**
 * ffmpeg processes running for this process. When it exits — a second Ctrl-C, process.exit after a
 * fatal error — they are killed with it instead of running on as orphans. (A SIGKILLed worker cannot
 * run this: its orphans are found and killed by the pipeline's scratch sweep at the next start.)
 */
const runningChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess): void {
  runningChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const running of runningChildren) running.kill('SIGKILL');
  });
}

export const TOOLS_BROKEN_MESSAGE = 'The audio tools (ffmpeg) on the server are not working.';

/** fluent-ffmpeg reports a spawn failure as the ErrnoException and a signal as "… killed with signal …". */
function toolDidNotFinish(error: unknown): boolean {
  const errno = error as NodeJS.ErrnoException;
  if (typeof errno?.syscall === 'string' && errno.syscall.startsWith('spawn')) return true;
  return /killed with signal/i.test(errno?.message ?? '');
}

/**
 * Whether ffmpeg itself works: decodes a generated tenth of a second of silence. Asked only after
 * ffmpeg refused a recording, to tell "these bytes do not decode" (the file's fault) from "ffmpeg
 * fails on anything" (ours: a broken binary, a missing library, a wrapper that exits 1).
 */
export async function ffmpegWorks(control: RunControl): Promise<boolean> {
  try {
    await runCommand(
      {
        ...control,
        input: 'anullsrc=r=8000:cl=mono',
        inputOptions: ['-f', 'lavfi'],
        outputOptions: ['-t', '0.1', '-f', 'null'],
        output: '-',
      },
      '-',
    );
    return true;
  } catch {
    return false;
  }
}

/** The same question for ffprobe: can it describe a generated input? */
export function ffprobeWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    ffmpeg.ffprobe('anullsrc=r=8000:cl=mono', ['-f', 'lavfi'], (error: unknown) => resolve(!error));
  });
}

export type FfprobeOutcome = { ok: true; data: FfprobeData } | { ok: false; stderr: string };

/**
 * Runs ffprobe (-show_streams -show_format). A file ffprobe cannot open is a normal outcome here
 * (ok: false), not an exception: the caller decides what that means.
 *
 * Limitation: fluent-ffmpeg does not expose the ffprobe child process, so on timeout/abort we
 * reject but cannot kill it. ffprobe only reads container headers and a bounded probe window
 * (-probesize/-analyzeduration defaults), so it finishes on its own shortly after.
 */
export function runFfprobe(file: string, control: RunControl): Promise<FfprobeOutcome> {
  const { signal, timeoutMs } = control;
  if (signal?.aborted) return Promise.reject(abortedError());

  return new Promise<FfprobeOutcome>((resolve, reject) => {
    let settled = false;
    const onAbort = () => finish(() => reject(abortedError()));
    const timer = setTimeout(() => finish(() => reject(timeoutError(timeoutMs))), remainingMs(control));
    signal?.addEventListener('abort', onAbort, { once: true });

    function finish(action: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      action();
    }

    ffmpeg.ffprobe(file, ['-hide_banner'], (error: unknown, data: FfprobeData) => {
      finish(() => {
        if (!error) return resolve({ ok: true, data });
        const message = error instanceof Error ? error.message : String(error);
        // Failing to start ffprobe at all (missing binary), or it being killed, is our problem, not the file's.
        if (toolDidNotFinish(error)) {
          return reject(new MediaError('tools_broken', TOOLS_BROKEN_MESSAGE, message, { cause: error }));
        }
        resolve({ ok: false, stderr: message });
      });
    });
  });
}
