export type * from './blob-store.ts';
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
export {
  createS3BlobStore,
  S3BlobStore,
  SHA256_METADATA,
  type S3BlobStoreOptions,
} from './s3/s3-blob-store.ts';
export { createBlobStore } from './create-blob-store.ts';
export { migrateToS3, type MigrationProgress, type MigrationResult } from './migrate/migrate-to-s3.ts';
