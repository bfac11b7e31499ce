import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** An uploaded transcript (JSON, WebVTT, SRT) is read into memory; none is near this size. */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

/**
 * Every limit on an upload, in one place: the multipart plugin is registered with them and the upload
 * route reads its parts under them (it only adds the check of each stream's `truncated` flag and the
 * transcript's smaller cap). `maxBytes` is `MAX_UPLOAD_BYTES` (packages/config).
 * One audio file + one transcript, a few text fields (UploadFields has 6), and a little slack.
 */
export async function registerMultipart(fastify: FastifyInstance, maxBytes: number): Promise<void> {
  await fastify.register(multipart, { limits: { fileSize: maxBytes, files: 2, fields: 20, parts: 24 } });
}
