import { join } from 'node:path';
import { loadConfigOrReport } from '@onterms/config';
import { createBlobStore, LocalBlobStore, migrateToS3, S3BlobStore } from '@onterms/storage';
import type { Io } from '../main.ts';

export const STORAGE_HELP =
  'storage migrate   copy the recordings from ONTERMS_DATA_DIR/blobs to the S3 bucket of STORAGE=s3, S3_* (resumable, verified by sha256)';

/**
 * `onterms storage migrate`: moves an install's recordings from local disk to S3-compatible storage,
 * under the same keys. Run it with the S3 settings the server will use (STORAGE=s3 …); it can run
 * while the server still serves from disk, and again after the switch to catch the last uploads.
 */
export async function storageCommand(args: string[], io: Io): Promise<number> {
  if (args[0] !== 'migrate' || args.length > 1) {
    io.err(`usage: onterms ${STORAGE_HELP}`);
    return 2;
  }
  const config = loadConfigOrReport(io.env, io.err);
  if (!config) return 2;
  if (config.storage.kind !== 's3') {
    io.err(
      'Set STORAGE=s3 and S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (and S3_ENDPOINT for MinIO) to say where to copy to.',
    );
    return 2;
  }
  const source = new LocalBlobStore({ root: join(config.dataDir, 'blobs') });
  const target = createBlobStore(config.storage, config.dataDir) as S3BlobStore;
  io.out(`Copying ${source.root} → s3://${target.bucket} …`);
  const result = await migrateToS3(source, target, (p) => {
    if (p.outcome === 'failed') io.err(`  failed ${p.key}: ${p.reason}`);
    else if (p.outcome === 'copied') io.out(`  copied ${p.key}`);
  });
  io.out(
    `Copied ${result.copied}, already there ${result.alreadyThere}, failed ${result.failed}.` +
      (result.failed
        ? ' Run the command again to retry the failed ones.'
        : ' Every blob is in the bucket, verified.'),
  );
  return result.failed ? 1 : 0;
}
