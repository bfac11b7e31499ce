import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobBody, WrittenBlob } from './blob-store.ts';
import { TooLargeError } from './errors.ts';

/**
 * How much may wait for the disk. With the streams' 16 KiB default every 64 KiB socket chunk was one
 * write(2) awaited before the next chunk was read — a thread-pool round trip per chunk, which on a
 * loaded machine made a 10 MB upload take ~100 ms. 1 MiB lets the socket keep arriving while a
 * write is in flight, and the chunks queued meanwhile go down in one writev(2).
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;

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
    highWaterMark: WRITE_BUFFER_BYTES,
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) return callback(new TooLargeError(maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // 'wx': a temp name is random; if it exists something is badly wrong, so don't clobber it.
  await pipeline(
    toReadable(body),
    meter,
    createWriteStream(path, { flags: 'wx', highWaterMark: WRITE_BUFFER_BYTES }),
  );
  return { size, sha256: hash.digest('hex') };
}

function toReadable(body: BlobBody): Readable {
  if (body instanceof Readable) return body;
  // Wrapped in an array: Readable.from(buffer) would be one chunk anyway, but be explicit.
  if (body instanceof Uint8Array) return Readable.from([body]);
  return Readable.from(body);
}
