import { MediaError } from './errors.ts';
import type { AudioInfo } from './probe.ts';

/** Every operation is bounded in time and cancellable. */
export interface OperationOptions {
  /** Kills ffmpeg and rejects with MediaError('aborted') when it fires. */
  signal?: AbortSignal;
  /** Kills ffmpeg and rejects with MediaError('timeout') after this long. */
  timeoutMs?: number;
}

/** For operations that need the file's format first: what `probe()` already said, to skip a second ffprobe. */
export interface KnownInfo {
  info?: AudioInfo;
}

/** Internal: one deadline shared by every ffmpeg/ffprobe run that makes up an operation. */
export interface RunControl {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Epoch ms at which the whole operation (not each step) times out. */
  deadline: number;
}

/**
 * Defaults are sized for a 2-hour call on a 2-core box (decode + opus encode of 2 h runs in
 * well under a minute there); they exist to catch a wedged process, not to pace work.
 */
export const DEFAULT_TIMEOUT_MS = {
  probe: 60_000,
  transcode: 15 * 60_000,
} as const;

export function toRunControl(options: OperationOptions | undefined, defaultTimeoutMs: number): RunControl {
  const timeoutMs = options?.timeoutMs ?? defaultTimeoutMs;
  return { signal: options?.signal, timeoutMs, deadline: Date.now() + timeoutMs };
}

export function remainingMs(control: RunControl): number {
  return Math.max(0, control.deadline - Date.now());
}

export function abortedError(): MediaError {
  return new MediaError('aborted', 'Audio processing was cancelled.');
}

export function timeoutError(timeoutMs: number): MediaError {
  return new MediaError(
    'timeout',
    `Audio processing took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
  );
}
