import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobBody, WrittenBlob } from './blob-store.ts';
import { TooLargeError } from './errors.ts';

/**
 * Streams `body` into a new file at `path` (which must not exist), hashing and counting bytes on
 * the way. pipeline() applies backpressure end to end, so memory stays flat however big the body
 * is. On overflow the stream fails with TooLargeError; the caller deletes the file.
 */
export async function writeMetered(
  path: string,
  body: BlobBody,
  maxBytes: number | undefined,
): Promise<WrittenBlob> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) return callback(new TooLargeError(maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // 'wx': a temp name is random; if it exists something is badly wrong, so don't clobber it.
  await pipeline(toReadable(body), meter, createWriteStream(path, { flags: 'wx' }));
  return { size, sha256: hash.digest('hex') };
}

function toReadable(body: BlobBody): Readable {
  if (body instanceof Readable) return body;
  // Wrapped in an array: Readable.from(buffer) would be one chunk anyway, but be explicit.
  if (body instanceof Uint8Array) return Readable.from([body]);
  return Readable.from(body);
}
