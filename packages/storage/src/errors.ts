/**
 * Closed set of storage failures callers are expected to handle. Plain I/O errors (EACCES,
 * ENOSPC...) pass through untouched: they are operational, not part of the contract.
 */
export type StorageErrorCode =
  /** The body exceeded the write's maxBytes; the partial data was deleted. → HTTP 413. */
  | 'too_large'
  /** Key fails validation. A programming error: keys are built by code, never taken from users. */
  | 'invalid_key'
  /** Reading a key that has no blob. */
  | 'not_found'
  /** A PendingBlob method called out of order (commit before write, write twice, commit after abort...). */
  | 'invalid_state';

export class StorageError extends Error {
  override name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class TooLargeError extends StorageError {
  override name = 'TooLargeError';

  constructor(readonly maxBytes: number) {
    super('too_large', `The upload is larger than the limit of ${maxBytes} bytes.`);
  }
}

export class InvalidKeyError extends StorageError {
  override name = 'InvalidKeyError';

  constructor(
    readonly key: string,
    reason: string,
  ) {
    super('invalid_key', `Invalid blob key ${JSON.stringify(key.slice(0, 100))}: ${reason}`);
  }
}

export class BlobNotFoundError extends StorageError {
  override name = 'BlobNotFoundError';

  constructor(readonly key: string) {
    super('not_found', `No blob stored under ${JSON.stringify(key)}`);
  }
}
