import { join } from 'node:path';
import type { StorageConfig } from '@onterms/config';
import type { BlobStore } from './blob-store.ts';
import { createLocalBlobStore } from './local/local-blob-store.ts';
import { createS3BlobStore } from './s3/s3-blob-store.ts';

/**
 * The one place that turns the settings into a store, for the API, the workers and the CLI alike.
 * Local blobs live in `<dataDir>/blobs`; with S3 the data directory only holds this process's scratch
 * files (uploads in flight, downloads for ffmpeg).
 */
export function createBlobStore(settings: StorageConfig, dataDir: string): BlobStore {
  if (settings.kind === 'local') return createLocalBlobStore({ root: join(dataDir, 'blobs') });
  const { kind: _kind, ...s3 } = settings;
  return createS3BlobStore({ ...s3, scratchDir: join(dataDir, 'scratch', 'storage') });
}
