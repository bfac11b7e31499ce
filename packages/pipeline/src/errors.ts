import type { FailureCode } from './failures.ts';

/**
 * A failure that retrying cannot fix: a broken transcript, a file missing from storage. `code` says
 * which (failures.ts); `message` is for the log, the call shows our text for the code.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Another run holds this call (see call-lock.ts); retried later like any transient error. */
export class CallBusyError extends Error {
  override readonly name = 'CallBusyError';
  constructor(readonly callId: string) {
    super(`Call ${callId} is being processed by another worker`);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
