/**
 * Everything this package rejects with is a MediaError with a code from a closed set,
 * so callers can map it without parsing messages:
 * - API: not_audio → 415, corrupt / channel_unavailable → 422, tools_broken / timeout / failed → 503.
 * - Worker: not_audio / corrupt / channel_unavailable are permanent (UnrecoverableError);
 *   timeout / failed / tools_broken may succeed on retry; aborted means the caller cancelled.
 */
export type MediaErrorCode =
  /** ffprobe cannot read the file at all, or it has no audio stream (an image, a video-only file, text). */
  | 'not_audio'
  /** It claims to be audio but does not decode: truncated, damaged, or zero length. */
  | 'corrupt'
  /** A specific channel was requested that the recording does not have (e.g. right channel of a mono file). */
  | 'channel_unavailable'
  /** ffmpeg/ffprobe ran longer than the operation's timeout and was killed. */
  | 'timeout'
  /** The caller's AbortSignal fired; ffmpeg was killed. */
  | 'aborted'
  /** Anything else: ffmpeg crashed, binary missing, disk full... Not the file's fault as far as we can tell. */
  | 'failed'
  /**
   * Our audio tools themselves do not work: ffmpeg/ffprobe could not start, were killed by a signal
   * (a crash, the OOM killer), or fail even on a generated sample. Never the recording's fault; a
   * retry after the tools are fixed succeeds.
   */
  | 'tools_broken';

export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    /** Plain language: safe to show to the uploader. Technical detail goes in `detail`. */
    message: string,
    /** ffmpeg's own stderr or the underlying error, for logs only. */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMediaError(error: unknown, code?: MediaErrorCode): error is MediaError {
  return error instanceof MediaError && (code === undefined || error.code === code);
}
