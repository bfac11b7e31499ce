import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { BlobBody, WrittenBlob } from './blob-store.ts';
import { TooLargeError } from './errors.ts';

/**
 * Bytes gathered before one write to the file. An upload arrives in socket reads of at most 64 KiB;
 * written one by one, each is its own trip to the thread pool and its own write(2) — 160 for 10 MB.
 * Gathered to 1 MiB, one writev(2) takes 16 of them without copying. At most two batches are held
 * (one being written, one filling), so memory stays flat however big the body is.
 */
const WRITE_BATCH_BYTES = 1 << 20;
/** A batch is also written once it holds this many chunks, so tiny chunks never make a huge iovec. */
const WRITE_BATCH_CHUNKS = 1024;

/**
 * Streams `body` into a new file at `path` (which must not exist), hashing and counting bytes on
 * the way. The next batch is read while the previous one is written, and no further while a write
 * is still running (backpressure: the source is not read, so the socket stops the client). On
 * overflow it fails with TooLargeError; the caller deletes the file. A failure stops the source
 * (a stream is destroyed, an iterator returned), as pipeline() did.
 */
export async function writeMetered(
  path: string,
  body: BlobBody,
  maxBytes: number | undefined,
): Promise<WrittenBlob> {
  const hash = createHash('sha256');
  let size = 0;
  // 'wx': a temp name is random; if it exists something is badly wrong, so don't clobber it.
  const file = await open(path, 'wx');
  let writing: Promise<void> = Promise.resolve();
  try {
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    // A Buffer is one chunk; a Readable given an encoding yields strings, written as UTF-8.
    const source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> =
      body instanceof Uint8Array ? [body] : body;
    for await (const read of source) {
      const chunk = typeof read === 'string' ? Buffer.from(read) : read;
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) throw new TooLargeError(maxBytes);
      hash.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS) {
        await writing;
        writing = writeFully(file, batch, batchBytes);
        // Its failure is thrown where it is awaited; meanwhile it must not count as unhandled.
        writing.catch(() => {});
        batch = [];
        batchBytes = 0;
      }
    }
    await writing;
    await writeFully(file, batch, batchBytes);
  } catch (error) {
    await writing.catch(() => {}); // never close the file under a write in flight
    throw error;
  } finally {
    await file.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** writev(2) may write less than asked (a full disk on the way to ENOSPC): the rest is retried. */
async function writeFully(file: FileHandle, chunks: Uint8Array[], total: number): Promise<void> {
  if (total === 0) return;
  let { bytesWritten } = await file.writev(chunks);
  if (bytesWritten === total) return;
  const rest = Buffer.concat(chunks).subarray(bytesWritten);
  for (let offset = 0; offset < rest.length; offset += bytesWritten) {
    ({ bytesWritten } = await file.write(rest, offset));
  }
}
