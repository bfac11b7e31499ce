import {
  AttachTranscriptBody,
  CallAccepted,
  CallDetail,
  CallIdParams,
  CallList,
  CallListQuery,
  ErrorBody,
} from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getAnalysis, getEffectiveFlags, getSegments, listFlagCorrections } from '@onterms/db';
import {
  AppError,
  attachTranscript,
  reanalyzeCall,
  retranscribeCall,
  retryCall,
  uploadCall,
} from '@onterms/domain';
import { REVIEW_COPY_CONTENT_TYPE } from '@onterms/media';
import { subjectCall } from '../access/access-control.ts';
import { uploaderOf } from '../access/call-policy.ts';
import { sendBlob } from '../http/send-blob.ts';
import { serverTiming } from '../http/server-timing.ts';
import { MAX_TRANSCRIPT_BYTES } from '../http/upload-limits.ts';
import type { AppDeps } from '../app.ts';
import { contentTypeFor, extensionOf } from './audio-files.ts';
import { listCallSummaries } from './call-list.ts';
import { toCallDetail } from './call-views.ts';
import { withUploadParts } from './upload-parts.ts';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody };

export const callRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, store } = deps;

  app.post(
    '/calls',
    withPolicy('calls.upload', {
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
    }),
    async (request, reply) => {
      const timing = serverTiming();
      // Everything before this handler: routing, the session or token, CSRF, the access policy.
      timing.record('auth', reply.elapsedTime);
      const outcome = await withUploadParts(
        request,
        reply,
        store,
        deps.media,
        deps.config.upload.maxBytes,
        (input) => uploadCall(deps, uploaderOf(db, request.principal!, deps.auth.audit.by(request)), input),
        timing,
      );
      return reply
        .status(outcome.created ? 202 : 200)
        .header('server-timing', timing.header())
        .send({ id: outcome.call.id, status: outcome.call.status });
    },
  );

  app.get(
    '/calls',
    withPolicy('calls.list', {
      summary: 'List calls you may see: filters, sort, pages, full-text search in transcripts',
      querystring: CallListQuery,
      response: { 200: CallList, ...errors },
    }),
    async (request) => listCallSummaries(db, request.principal!, request.query),
  );

  app.get(
    '/calls/:id',
    withPolicy('calls.view', {
      summary: 'A call: status, metadata, transcript, and the flags in the shape `onterms analyze` prints',
      params: CallIdParams,
      response: { 200: CallDetail, ...errors },
    }),
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
    withPolicy('calls.audio', {
      summary: 'The recording, with HTTP Range support: the review copy once ready, else the original',
      params: CallIdParams,
      querystring: Type.Object({
        variant: Type.Optional(Type.Union([Type.Literal('review'), Type.Literal('original')])),
      }),
      response: { ...errors, 416: ErrorBody },
    }),
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
    withPolicy('calls.peaks', {
      summary: 'Waveform peaks for the player (computed once on the server)',
      params: CallIdParams,
      response: errors,
    }),
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
    withPolicy('calls.reanalyze', {
      summary: 'Run the analysis again on the stored transcript',
      params: CallIdParams,
      response: { 202: CallAccepted, ...errors },
    }),
    async (request, reply) =>
      reply.status(202).send(await reanalyzeCall({ db, queue: deps.queue }, subjectCall(request))),
  );

  app.post(
    '/calls/:id/retry',
    withPolicy('calls.retry', {
      summary: 'Process a failed call again, from the first step that did not finish',
      description:
        'The recording and an uploaded transcript are kept; audio already prepared and a stored transcript ' +
        'are not redone. 409 `not_failed` when the call is not failed.',
      params: CallIdParams,
      response: { 202: CallAccepted, ...errors },
    }),
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
    withPolicy(
      'calls.attachTranscript',
      {
        summary:
          'Attach a transcript (OnTerms JSON, WebVTT or SRT) to a call that has its audio; the call is analysed from it',
        description:
          'For a call waiting for speech-to-text (no engine configured), a failed one, or an analysed one whose ' +
          'transcript was poor. Answers 409 not_ready while the call is being processed.',
        params: CallIdParams,
        body: AttachTranscriptBody,
        response: { 202: CallAccepted, ...errors },
      },
      { bodyLimit: MAX_TRANSCRIPT_BYTES },
    ),
    async (request, reply) => {
      const call = await attachTranscript(deps, subjectCall(request), request.body);
      return reply.status(202).send({ id: call.id, status: call.status });
    },
  );

  app.post(
    '/calls/:id/retranscribe',
    withPolicy('calls.reanalyze', {
      summary:
        'Send the recording through speech-to-text again (e.g. after changing the engine), then analyse it',
      params: CallIdParams,
      response: { 202: CallAccepted, ...errors },
    }),
    async (request, reply) =>
      reply.status(202).send(await retranscribeCall({ db, queue: deps.queue }, subjectCall(request))),
  );
};
