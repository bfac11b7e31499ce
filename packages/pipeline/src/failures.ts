import { isMediaError } from '@onterms/media';
import { TranscriptionError } from '@onterms/transcription/engine';
import { PermanentError } from './errors.ts';

/**
 * Why a call failed, as a stable code the UI translates, with our own plain-English text stored as
 * the call's `failure_reason` (for API clients and logs in English). Never a library's, a server's or
 * PostgreSQL's message: those go to the log with the call id.
 *
 * The recording's fault: audio_damaged, not_audio, channel_unavailable, audio_missing,
 * transcript_invalid, transcript_missing, stt_rejected. Ours (an outage, retried automatically once it
 * is over): the OUTAGE_CODES. Either way a person can retry the call (POST /api/calls/:id/retry).
 */
export const FailureCode = {
  AudioDamaged: 'audio_damaged',
  NotAudio: 'not_audio',
  ChannelUnavailable: 'channel_unavailable',
  AudioMissing: 'audio_missing',
  TranscriptInvalid: 'transcript_invalid',
  TranscriptMissing: 'transcript_missing',
  SttRejected: 'stt_rejected',
  MediaToolsBroken: 'media_tools_broken',
  DatabaseUnavailable: 'database_unavailable',
  StorageUnavailable: 'storage_unavailable',
  SttUnavailable: 'stt_unavailable',
  ProcessingFailed: 'processing_failed',
} as const;
export type FailureCode = (typeof FailureCode)[keyof typeof FailureCode];

/** Failures of our machinery, not of the call: retried automatically when the outage is over. */
export const OUTAGE_CODES: readonly FailureCode[] = [
  FailureCode.MediaToolsBroken,
  FailureCode.DatabaseUnavailable,
  FailureCode.StorageUnavailable,
  FailureCode.SttUnavailable,
  FailureCode.ProcessingFailed,
];

export interface CallFailure {
  code: FailureCode;
  /** Plain English, ours; the UI shows its own translation of `code`. */
  reason: string;
}

const TRY_AGAIN = 'It will be retried automatically; you can also retry it from the call page.';

const REASONS: Record<FailureCode, string> = {
  audio_damaged: 'The recording is damaged or incomplete and cannot be played. Upload a complete copy.',
  not_audio: 'The file is not a recording we can read. Upload an audio file (MP3, WAV, OGG, M4A …).',
  channel_unavailable:
    'The recording does not have the channel chosen for the rep. Upload it again without one.',
  audio_missing: 'The uploaded recording is missing from storage; please upload it again.',
  transcript_invalid: 'The uploaded transcript cannot be read. Check its format and upload the call again.',
  transcript_missing: 'The uploaded transcript is missing from storage; please upload it again.',
  stt_rejected:
    'The speech-to-text service refused this recording. Your administrator can see why in the worker log.',
  media_tools_broken: `The audio tools on the server were not working, so the call could not be processed. ${TRY_AGAIN}`,
  database_unavailable: `The database was unavailable while the call was processed. ${TRY_AGAIN}`,
  storage_unavailable: `The server's storage was full or unavailable while the call was processed. ${TRY_AGAIN}`,
  stt_unavailable: `The speech-to-text service was unavailable while the call was processed. ${TRY_AGAIN}`,
  processing_failed: `Processing failed because of an error on our side. ${TRY_AGAIN}`,
};

export function callFailure(code: FailureCode): CallFailure {
  return { code, reason: REASONS[code] };
}

const MEDIA_PERMANENT: Record<string, FailureCode> = {
  corrupt: FailureCode.AudioDamaged,
  not_audio: FailureCode.NotAudio,
  channel_unavailable: FailureCode.ChannelUnavailable,
};

/** The failure when `error` is the call's own fault (retrying will not help); null when it may be transient. */
export function permanentFailure(error: unknown): CallFailure | null {
  // Our own words by construction (e.g. the transcript parser naming the line that is wrong).
  if (error instanceof PermanentError) return { code: error.code, reason: error.message };
  if (isMediaError(error) && MEDIA_PERMANENT[error.code]) return callFailure(MEDIA_PERMANENT[error.code]!);
  if (error instanceof TranscriptionError && error.permanent) return callFailure(FailureCode.SttRejected);
  return null;
}

const DATABASE_DOWN_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const CONNECTION_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;
const STORAGE_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

/** Which dependency an error says is down, if any (shared by the worker and the API's 503s). */
export function outageKind(error: unknown): 'database' | 'storage' | 'media' | 'stt' | null {
  if (isMediaError(error, 'tools_broken') || isMediaError(error, 'timeout')) return 'media';
  if (error instanceof TranscriptionError) return 'stt';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STORAGE_ERRNO.has(code)) return 'storage';
  if (
    (typeof code === 'string' && (DATABASE_DOWN_SQLSTATE.test(code) || CONNECTION_ERRNO.has(code))) ||
    CONNECTION_MESSAGE.test((error as Error | null)?.message ?? '')
  ) {
    return 'database';
  }
  // A media step that failed because of the disk keeps the errno in its cause.
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? outageKind(cause) : null;
}

/** The failure recorded when a transient error used up its attempts. */
export function gaveUpFailure(error: unknown): CallFailure {
  switch (outageKind(error)) {
    case 'media':
      return callFailure(FailureCode.MediaToolsBroken);
    case 'database':
      return callFailure(FailureCode.DatabaseUnavailable);
    case 'storage':
      return callFailure(FailureCode.StorageUnavailable);
    case 'stt':
      return callFailure(FailureCode.SttUnavailable);
    default:
      return callFailure(FailureCode.ProcessingFailed);
  }
}
