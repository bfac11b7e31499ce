import { isMediaError } from '@onterms/media';
import { TranscriptionError } from '@onterms/transcription/engine';

/**
 * A failure that retrying cannot fix: a corrupt or non-audio recording, a broken transcript, a file
 * missing from storage. `message` is plain language and becomes the call's `failure_reason`.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** Another run holds this call (see call-lock.ts); retried later like any transient error. */
export class CallBusyError extends Error {
  override readonly name = 'CallBusyError';
  constructor(readonly callId: string) {
    super(`Call ${callId} is being processed by another worker`);
  }
}

const PERMANENT_MEDIA_CODES = new Set(['not_audio', 'corrupt', 'channel_unavailable']);

/** The plain-language reason when `error` is permanent; null when a retry may succeed. */
export function permanentReason(error: unknown): string | null {
  if (error instanceof PermanentError) return error.message;
  if (isMediaError(error) && PERMANENT_MEDIA_CODES.has(error.code)) return error.message;
  if (error instanceof TranscriptionError && error.permanent) return error.message;
  return null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
