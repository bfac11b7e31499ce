import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  paginateListObjectsV2,
  ListMultipartUploadsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { SweepOptions, SweepResult } from '../blob-store.ts';
import { Sweep } from '../sweep-rule.ts';

/**
 * The local store's two kinds of garbage, in a bucket:
 *  - writes whose writer died: this process's scratch files untouched for longer than the grace
 *    period, and multipart uploads started longer ago and never completed (they hold storage but no
 *    key). Servers that cannot list multipart uploads (some test servers) are skipped here: give the
 *    bucket an AbortIncompleteMultipartUpload lifecycle rule, as every S3 deployment guide advises;
 *  - objects committed longer ago than the grace period that no DB row references.
 * Objects whose names could not be keys (not written by us) are left alone.
 */
export async function sweepS3Store(
  client: S3Client,
  bucket: string,
  scratchDir: string,
  options: SweepOptions,
): Promise<SweepResult> {
  const sweep = new Sweep(options);
  const { cutoff, result } = sweep;

  for (const name of await readdir(scratchDir).catch(() => [] as string[])) {
    const path = join(scratchDir, name);
    const stats = await stat(path).catch(() => null);
    if (stats?.isFile() && stats.mtimeMs < cutoff) {
      await rm(path, { force: true });
      result.tempFilesRemoved++;
    }
  }
  result.tempFilesRemoved += await abortStaleMultipartUploads(client, bucket, cutoff);

  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key;
      if (!key) continue;
      await sweep.blob(
        key,
        async () => object.LastModified?.getTime() ?? Date.now(),
        () => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
      );
    }
  }
  return result;
}

async function abortStaleMultipartUploads(client: S3Client, bucket: string, cutoff: number): Promise<number> {
  let aborted = 0;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await client
      .send(
        new ListMultipartUploadsCommand({
          Bucket: bucket,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
      )
      .catch((error: { name?: string }) => {
        if (error?.name === 'NotImplemented') return null;
        throw error;
      });
    if (!page) return aborted;
    for (const upload of page.Uploads ?? []) {
      if ((upload.Initiated?.getTime() ?? Date.now()) >= cutoff) continue;
      await client.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
      );
      aborted++;
    }
    if (!page.IsTruncated) return aborted;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
  }
}
