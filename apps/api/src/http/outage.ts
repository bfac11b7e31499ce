import { outageKind, QueueUnavailableError } from '@onterms/pipeline';
import { AppError } from './app-error.ts';

/** Seconds a client is asked to wait before trying again after an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/**
 * An error that is an outage of something we depend on — the database, the job queue, the disk, the
 * audio tools — as the AppError to answer with (503, or 507 for a full disk, both with Retry-After);
 * null for anything else. These are not the request's fault and not a bug: the client should simply
 * try again later, and nothing was stored.
 */
export function outageError(error: unknown): AppError | null {
  const options = { cause: error, headers: { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) } };
  if (error instanceof QueueUnavailableError) {
    return new AppError(
      'service_unavailable',
      'The processing queue is unavailable right now; nothing was stored. Please try again in a minute.',
      options,
    );
  }
  switch (outageKind(error)) {
    case 'media':
      return new AppError(
        'media_unavailable',
        'The server cannot check recordings right now (its audio tools are not working); nothing was stored. ' +
          'Please try again later, and tell your administrator if it persists.',
        options,
      );
    case 'storage':
      return new AppError(
        'storage_full',
        'The server has no room for new recordings right now; nothing was stored. Tell your administrator.',
        options,
      );
    case 'database':
      return new AppError(
        'database_unavailable',
        'The database is unavailable right now; nothing was stored. Please try again in a minute.',
        options,
      );
    default:
      return null;
  }
}
