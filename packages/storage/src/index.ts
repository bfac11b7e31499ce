export type {
  BlobBody,
  BlobStat,
  BlobStore,
  ByteRange,
  PendingBlob,
  StoredBlob,
  SweepOptions,
  SweepResult,
  WriteOptions,
  WrittenBlob,
} from './blob-store.ts';
export {
  BlobNotFoundError,
  InvalidKeyError,
  StorageError,
  TooLargeError,
  type StorageErrorCode,
} from './errors.ts';
export { assertValidKey, isValidKey } from './keys.ts';
export {
  createLocalBlobStore,
  LocalBlobStore,
  type LocalBlobStoreOptions,
} from './local/local-blob-store.ts';
