import {
  CallAccepted,
  CallDetail,
  CallIdParams,
  CallList,
  CallListQuery,
  ErrorBody,
  UploadFields,
} from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AttachTranscriptBody } from '@onterms/contracts';
import {
  requeueForTranscription,
  transitionCallStatus,
  getAnalysis,
  getEffectiveFlags,
  getSegments,
  listFlagCorrections,
} from '@onterms/db';
import { REVIEW_COPY_CONTENT_TYPE, type ArrivingRecording } from '@onterms/media';
import type { PendingBlob } from '@onterms/storage';
import { subjectCall } from '../access/access-control.ts';
import { AppError } from '@onterms/domain';
import { controlCharacterError } from '../http/text-input.ts';
import { sendBlob } from '../http/send-blob.ts';
import { MAX_TRANSCRIPT_BYTES } from '../http/upload-limits.ts';
import type { AppDeps } from '../app.ts';
import { listCallSummaries } from './call-list.ts';
import { toCallDetail } from './call-views.ts';
import { uploadCall } from './upload-call.ts';
import { attachTranscriptToCall } from './attach-transcript.ts';
import { retryCall } from '@onterms/domain';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody };

export const callRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, store } = deps;

  app.post(
    '/calls',
    {
      config: { policy: 'calls.upload' },
      schema: {
        summary: 'Upload a recorded call',
        description:
          'multipart/form-data: file part `audio` (required), optional file part `transcript` (our JSON, WebVTT or SRT; ' +
          'replaces speech-to-text), fields clientName, callType, recordedAt, language, repId, repChannel. ' +
          'The same bytes uploaded again by the same user answer 200 with the existing call.',
        consumes: ['multipart/form-data'],
        response: {
          200: CallAccepted,
          202: CallAccepted,
          ...errors,
          413: ErrorBody,
          415: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'unsupported_media_type',
          'Send the recording as multipart/form-data with a file part named "audio".',
        );
      }
      const principal = request.principal!;
      const fields: Record<string, string> = {};
      let audio: PendingBlob | null = null;
      let audioProbe: ArrivingRecording | undefined;
      let audioFilename: string | null = null;
      let transcript: { filename: string; content: string } | null = null;
      try {
        // Under the limits the multipart plugin was registered with (http/upload-limits.ts).
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
            audioProbe = deps.media.probeWhileArriving();
            await audio.write(audioProbe.watch(part.file));
            if (part.file.truncated) throw tooLarge(deps.config.upload.maxBytes);
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
        const parsed = parseFields(fields);
        const outcome = await uploadCall(deps, principal, {
          audio,
          audioProbe,
          audioFilename,
          transcript,
          fields: parsed,
        });
        if (outcome.created) {
          await deps.auth.audit.record(request, {
            action: 'call.uploaded',
            objectType: 'call',
            objectId: outcome.call.id,
            details: {
              repId: outcome.call.repId,
              bytes: outcome.call.audio.bytes,
              transcript: Boolean(transcript),
            },
          });
        }
        return reply
          .status(outcome.created ? 202 : 200)
          .send({ id: outcome.call.id, status: outcome.call.status });
      } catch (error) {
        await (audio as PendingBlob | null)?.abort().catch(() => {});
        // Refused before the body was read to the end (too large, disk full, bad field): close the
        // connection after the answer, so the client stops sending instead of hanging on a full
        // socket buffer; whatever it still sends is read and dropped meanwhile.
        if (!request.raw.complete) {
          reply.header('connection', 'close');
          request.raw.resume();
        }
        throw mapMultipartError(error, deps.config.upload.maxBytes);
      }
    },
  );

  app.get(
    '/calls',
    {
      config: { policy: 'calls.list' },
      schema: {
        summary: 'List calls you may see: filters, sort, pages, full-text search in transcripts',
        querystring: CallListQuery,
        response: { 200: CallList, ...errors },
      },
    },
    async (request) => listCallSummaries(db, request.principal!, request.query),
  );

  app.get(
    '/calls/:id',
    {
      config: { policy: 'calls.view' },
      schema: {
        summary: 'A call: status, metadata, transcript, and the flags in the shape `onterms analyze` prints',
        params: CallIdParams,
        response: { 200: CallDetail, ...errors },
      },
    },
    async (request) => {
      const call = subjectCall(request);
      const [segments, analysis, corrections, effective] = await Promise.all([
        getSegments(db, call.id),
        getAnalysis(db, call.id),
        listFlagCorrections(db, call.id),
        getEffectiveFlags(db, [call.id]),
      ]);
      return toCallDetail(call, segments, analysis, corrections, effective.get(call.id) ?? {});
    },
  );

  app.get(
    '/calls/:id/audio',
    {
      config: { policy: 'calls.audio' },
      schema: {
        summary: 'The recording, with HTTP Range support: the review copy once ready, else the original',
        params: CallIdParams,
        querystring: Type.Object({
          variant: Type.Optional(Type.Union([Type.Literal('review'), Type.Literal('original')])),
        }),
        response: { ...errors, 416: ErrorBody },
      },
    },
    async (request, reply) => {
      const call = subjectCall(request);
      const wantOriginal = request.query.variant === 'original' || !call.reviewAudioKey;
      const key = wantOriginal ? call.audio.key : call.reviewAudioKey!;
      const contentType = wantOriginal ? contentTypeFor(call.audio.key) : REVIEW_COPY_CONTENT_TYPE;
      if (wantOriginal && request.query.variant === 'original') {
        reply.header(
          'content-disposition',
          `attachment; filename="call-${call.id}${extensionOf(call.audio.key)}"`,
        );
      }
      // Who listened to or downloaded which recording (once per person and call in a 10-minute window).
      await deps.auth.audit.recordAudioAccess(
        request,
        call.id,
        request.query.variant === 'original' ? 'download' : 'play',
      );
      return sendBlob(request, reply, store, key, contentType);
    },
  );

  app.get(
    '/calls/:id/peaks',
    {
      config: { policy: 'calls.peaks' },
      schema: {
        summary: 'Waveform peaks for the player (computed once on the server)',
        params: CallIdParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const call = subjectCall(request);
      if (!call.peaksKey)
        throw new AppError(
          'not_ready',
          'The waveform is computed while the call is processed; try again shortly.',
        );
      return sendBlob(request, reply, store, call.peaksKey, 'application/json');
    },
  );

  app.post(
    '/calls/:id/reanalyze',
    {
      config: { policy: 'calls.reanalyze' },
      schema: {
        summary: 'Run the analysis again on the stored transcript',
        params: CallIdParams,
        response: { 202: CallAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const call = subjectCall(request);
      if (
        !['analyzed', 'transcribed', 'failed'].includes(call.status) ||
        (await getSegments(db, call.id)).length === 0
      ) {
        throw new AppError(
          'not_ready',
          'This call has no transcript yet; it is analysed as soon as it is transcribed.',
        );
      }
      await deps.queue.enqueueCall(call.id, { reanalyze: true });
      return reply.status(202).send({ id: call.id, status: call.status });
    },
  );

  app.post(
    '/calls/:id/retry',
    {
      config: { policy: 'calls.retry' },
      schema: {
        summary: 'Process a failed call again, from the first step that did not finish',
        description:
          'The recording and an uploaded transcript are kept; audio already prepared and a stored transcript ' +
          'are not redone. 409 `not_failed` when the call is not failed.',
        params: CallIdParams,
        response: { 202: CallAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const call = subjectCall(request);
      const outcome = await retryCall({ db, queue: deps.queue }, call.id);
      if (!outcome.retried) {
        throw new AppError(
          'not_failed',
          'This call has not failed, so there is nothing to retry; reload the page to see its status.',
        );
      }
      return reply.status(202).send({ id: call.id, status: outcome.status });
    },
  );

  app.post(
    '/calls/:id/transcript',
    {
      config: { policy: 'calls.attachTranscript' },
      bodyLimit: MAX_TRANSCRIPT_BYTES,
      schema: {
        summary:
          'Attach a transcript (OnTerms JSON, WebVTT or SRT) to a call that has its audio; the call is analysed from it',
        description:
          'For a call waiting for speech-to-text (no engine configured), a failed one, or an analysed one whose ' +
          'transcript was poor. Answers 409 not_ready while the call is being processed.',
        params: CallIdParams,
        body: AttachTranscriptBody,
        response: { 202: CallAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const call = await attachTranscriptToCall(deps, subjectCall(request), request.body);
      return reply.status(202).send({ id: call.id, status: call.status });
    },
  );

  app.post(
    '/calls/:id/retranscribe',
    {
      config: { policy: 'calls.reanalyze' },
      schema: {
        summary:
          'Send the recording through speech-to-text again (e.g. after changing the engine), then analyse it',
        params: CallIdParams,
        response: { 202: CallAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const call = subjectCall(request);
      if (call.transcriptUploadKey) {
        throw new AppError(
          'conflict',
          'This call uses the transcript uploaded with it; upload the recording without one to transcribe it.',
        );
      }
      if (!(await requeueForTranscription(db, call.id))) {
        throw new AppError(
          'not_ready',
          'This call is being processed right now; try again when it has finished.',
        );
      }
      await deps.queue.enqueueCall(call.id).catch(async (error: unknown) => {
        // Nothing half-done: put the call back where it was if the queue is unreachable.
        await transitionCallStatus(db, call.id, ['queued'], call.status, call.failureReason);
        throw error;
      });
      return reply.status(202).send({ id: call.id, status: 'queued' as const });
    },
  );
};

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

const CONTENT_TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.flac': 'audio/flac',
};

function extensionOf(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot >= 0 ? key.slice(dot) : '';
}

function contentTypeFor(key: string): string {
  return CONTENT_TYPES[extensionOf(key)] ?? 'application/octet-stream';
}
