import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import type { BlobStore } from '@onterms/storage';
import { AppError } from '@onterms/domain';

/**
 * Streams a stored file with single-range HTTP Range support, so the browser's audio element can seek
 * without downloading the whole recording. Multi-range requests get the whole file (browsers never send them).
 */
export async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  store: BlobStore,
  key: string,
  contentType: string,
): Promise<FastifyReply> {
  const stat = await store.stat(key);
  if (!stat) throw new AppError('not_found', 'The file for this call is missing from storage.');
  reply
    .header('accept-ranges', 'bytes')
    .header('content-type', contentType)
    .header('cache-control', 'private, max-age=3600');

  const header = request.headers.range;
  const ranges = header ? parseRange(stat.size, header, { combine: true }) : -2;
  if (ranges === -1) {
    reply.header('content-range', `bytes */${stat.size}`);
    throw new AppError(
      'range_not_satisfiable',
      `The requested range is outside the file (${stat.size} bytes).`,
    );
  }
  if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
    const { start, end } = ranges[0]!;
    reply
      .status(206)
      .header('content-range', `bytes ${start}-${end}/${stat.size}`)
      .header('content-length', end - start + 1);
    return reply.send(await store.createReadStream(key, { start, end }));
  }
  reply.header('content-length', stat.size);
  return reply.send(await store.createReadStream(key));
}
