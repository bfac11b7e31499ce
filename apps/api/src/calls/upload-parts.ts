import { UploadFields } from '@onterms/contracts';
import { AppError, type UploadInput } from '@onterms/domain';
import type { ArrivingRecording, Media } from '@onterms/media';
import type { PendingBlob, BlobStore } from '@onterms/storage';
import { Value } from '@sinclair/typebox/value';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { controlCharacterError } from '../http/text-input.ts';
import { MAX_TRANSCRIPT_BYTES } from '../http/upload-limits.ts';

/**
 * The HTTP half of an upload: reads the multipart body — the `audio` part streamed to a temporary
 * blob, an optional `transcript` part, the text fields checked against `UploadFields` — under the
 * limits the multipart plugin was registered with (http/upload-limits.ts), and hands the result to
 * `act` (the domain's `uploadCall`). Whatever goes wrong, the temporary blob is dropped and the
 * multipart plugin's words become the API's errors.
 */
export async function withUploadParts<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  store: BlobStore,
  probe: Pick<Media, 'probeWhileArriving'>,
  maxBytes: number,
  act: (input: UploadInput) => Promise<T>,
  timing?: { record(step: string, ms: number): void },
): Promise<T> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the recording as multipart/form-data with a file part named "audio".',
    );
  }
  const fields: Record<string, string> = {};
  let audio: PendingBlob | null = null;
  let audioProbe: ArrivingRecording | undefined;
  let audioFilename: string | null = null;
  let transcript: { filename: string; content: string } | null = null;
  const bodyStart = performance.now();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string')
          throw new AppError('bad_request', `Field ${part.fieldname} must be text.`);
        fields[part.fieldname] = part.value;
      } else if (part.fieldname === 'audio' && !audio) {
        audioFilename = part.filename || null;
        const badName = controlCharacterError(audioFilename, 'audio filename');
        if (badName) {
          part.file.resume();
          throw badName;
        }
        audio = await store.beginWrite();
        // The start of the recording is decoded while the rest arrives (media/upload-probe.ts).
        audioProbe = probe.probeWhileArriving();
        await audio.write(audioProbe.watch(part.file));
        if (part.file.truncated) throw tooLarge(maxBytes);
      } else if (part.fieldname === 'transcript' && !transcript) {
        const badName = controlCharacterError(part.filename, 'transcript filename');
        if (badName) {
          part.file.resume();
          throw badName;
        }
        const buffer = await readLimited(part.file, MAX_TRANSCRIPT_BYTES);
        transcript = { filename: part.filename || 'transcript.json', content: buffer.toString('utf8') };
      } else {
        part.file.resume();
        throw new AppError(
          'bad_request',
          `Unexpected file part "${part.fieldname}": send one "audio" and at most one "transcript".`,
        );
      }
    }
    if (!audio) throw new AppError('empty_file', 'No recording: add a file part named "audio".');
    // The multipart body read and written to the temporary blob (hashed on the way): the transfer itself.
    timing?.record('body', performance.now() - bodyStart);
    return await act({ audio, audioProbe, audioFilename, transcript, fields: parseFields(fields), timing });
  } catch (error) {
    await (audio as PendingBlob | null)?.abort().catch(() => {});
    // Refused before the body was read to the end (too large, disk full, bad field): close the
    // connection after the answer, so the client stops sending instead of hanging on a full
    // socket buffer; whatever it still sends is read and dropped meanwhile.
    if (!request.raw.complete) {
      reply.header('connection', 'close');
      request.raw.resume();
    }
    throw mapMultipartError(error, maxBytes);
  }
}

function parseFields(fields: Record<string, string>): UploadFields {
  const control = controlCharacterError(fields, '');
  if (control) throw control;
  const candidate = Value.Convert(UploadFields, fields);
  const problem = [...Value.Errors(UploadFields, candidate)][0];
  if (problem) {
    const name = problem.path.slice(1) || 'fields';
    throw new AppError('bad_request', `Field ${name}: ${problem.message}.`, { field: name });
  }
  return candidate as UploadFields;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    `The recording is larger than the limit of ${formatBytes(maxBytes)}.`,
  );
}

function mapMultipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError(
      'bad_request',
      'Too many parts in the upload: one audio file, one transcript and a few fields.',
    );
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('unsupported_media_type', 'Send the recording as multipart/form-data.');
  }
  // busboy's words for a body cut short or not multipart inside: the client's upload is broken.
  if (
    /Unexpected end of (form|multipart data)|Malformed part header|Boundary not found|Multipart: /i.test(
      (error as Error | null)?.message ?? '',
    )
  ) {
    return new AppError(
      'bad_request',
      'The upload arrived incomplete or malformed (the multipart body is broken); nothing was stored. Send it again.',
      { cause: error },
    );
  }
  return error;
}

async function readLimited(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new AppError('payload_too_large', `The transcript is larger than ${formatBytes(maxBytes)}.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${bytes} bytes`;
}
