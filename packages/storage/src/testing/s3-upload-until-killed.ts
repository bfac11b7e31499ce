// For the killed-upload test: writes 256 MB into an S3BlobStore's pending blob, prints UPLOADING and
// commits (a multipart upload) until the parent kills it.
import { Readable } from 'node:stream';
import { S3BlobStore, type S3BlobStoreOptions } from '../s3/s3-blob-store.ts';

const [settings, key] = process.argv.slice(2);
const store = new S3BlobStore({
  ...(JSON.parse(settings!) as S3BlobStoreOptions),
  partSize: 5 * 1024 * 1024,
});
const pending = await store.beginWrite();
const chunk = Buffer.alloc(1024 * 1024, 7);
await pending.write(
  Readable.from(
    (function* () {
      for (let i = 0; i < 256; i++) yield chunk;
    })(),
  ),
);
process.stdout.write('UPLOADING\n');
await pending.commit(key!);
process.stdout.write('COMMITTED\n');
