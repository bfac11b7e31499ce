import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** An uploaded transcript (JSON, WebVTT, SRT) is read into memory; none is near this size. */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

/**
 * How far busboy may read a file part ahead of the code storing it. At its default (a Readable's
 * 16 KiB) every 64 KiB socket read fills the part's buffer, so busboy stops taking the request body
 * until storage asks for more — and storage pauses while a batch is written to disk, so the socket
 * sat unread for that time. 1 MiB lets the next batch arrive meanwhile; it is per upload, not per file size.
 */
const FILE_READ_AHEAD_BYTES = 1024 * 1024;

/**
 * Every limit on an upload, in one place: the multipart plugin is registered with them and the upload
 * route reads its parts under them (it only adds the check of each stream's `truncated` flag and the
 * transcript's smaller cap). `maxBytes` is `MAX_UPLOAD_BYTES` (packages/config).
 * One audio file + one transcript, a few text fields (UploadFields has 6), and a little slack.
 */
export async function registerMultipart(fastify: FastifyInstance, maxBytes: number): Promise<void> {
  await fastify.register(multipart, {
    limits: { fileSize: maxBytes, files: 2, fields: 20, parts: 24 },
    fileHwm: FILE_READ_AHEAD_BYTES,
  });
}
