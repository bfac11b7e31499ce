import {
  AcknowledgeBody,
  AnnotationIdParams,
  CallIdParams,
  CoachingTagView,
  CorrectionBody,
  ErrorBody,
  FeedbackInbox,
  FlagCorrectionView,
  FlagParams,
  InboxCounts,
  NewTagBody,
  NewThreadBody,
  ReplyBody,
  ReplyView,
  ReviewInbox,
  ReviewInboxQuery,
  Reviewed,
  TagIdParams,
  ThreadList,
  ThreadView,
} from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { markCallReviewed, type FeedbackItem } from '@onterms/db';
import { addTag, correctFlag, listTags, removeCorrection, removeTag } from '@onterms/domain';
import { subjectAnnotation, subjectCall, userPrincipal } from '../access/access-control.ts';
import type { AppDeps } from '../app.ts';
import { toFlagCorrectionView } from '../calls/call-views.ts';
import { toReplyView, toTagView, toThreadView } from './coaching-views.ts';
import { feedbackInbox, inboxCounts, repliesInbox, reviewInbox } from './inbox.ts';
import { answerFeedback, createThread, listThreads, replyTo } from './threads.ts';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Flag corrections, review marks, feedback threads, the two inboxes and the coaching tags. Handlers stay thin. */
export const coachingRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps;
  // What the corrections and tag actions use: the database and the audit log bound to the request.
  const actionDeps = (request: FastifyRequest) => ({ db, audit: deps.auth.audit.by(request) });

  app.put(
    '/calls/:id/flags/:flag',
    withPolicy('calls.correctFlag', {
      summary: "Correct the machine's verdict on a flag (kept across re-analysis; audited)",
      params: FlagParams,
      body: CorrectionBody,
      response: { 200: FlagCorrectionView, ...errors },
    }),
    async (request) => {
      const correction = await correctFlag(
        actionDeps(request),
        userPrincipal(request).userId,
        subjectCall(request),
        request.params.flag,
        request.body,
      );
      return toFlagCorrectionView(correction);
    },
  );

  app.delete(
    '/calls/:id/flags/:flag',
    withPolicy('calls.correctFlag', {
      summary: "Remove a correction: the machine's verdict applies again (audited)",
      params: FlagParams,
      response: { 204: Type.Null(), ...errors },
    }),
    async (request, reply) => {
      await removeCorrection(actionDeps(request), subjectCall(request), request.params.flag);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/calls/:id/review',
    withPolicy('calls.markReviewed', {
      summary: 'Mark the call reviewed',
      params: CallIdParams,
      response: { 200: Reviewed, ...errors },
    }),
    async (request) => {
      const reviewedAt = await markCallReviewed(db, subjectCall(request).id, userPrincipal(request).userId);
      return { reviewedAt: reviewedAt.toISOString() };
    },
  );

  app.get(
    '/calls/:id/annotations',
    withPolicy('annotations.list', {
      summary: 'Feedback threads on a call, by time',
      params: CallIdParams,
      response: { 200: ThreadList, ...errors },
    }),
    async (request) => ({ threads: (await listThreads(db, subjectCall(request))).map(toThreadView) }),
  );

  app.post(
    '/calls/:id/annotations',
    withPolicy('annotations.create', {
      summary: 'Comment on a moment (time range or segment), optionally tagged; marks the call reviewed',
      params: CallIdParams,
      body: NewThreadBody,
      response: { 201: ThreadView, ...errors },
    }),
    async (request, reply) => {
      const thread = await createThread(db, userPrincipal(request), subjectCall(request), request.body);
      return reply.status(201).send(toThreadView(thread));
    },
  );

  app.post(
    '/annotations/:id/replies',
    withPolicy('annotations.reply', {
      summary: 'Reply in a feedback thread',
      params: AnnotationIdParams,
      body: ReplyBody,
      response: { 201: ReplyView, ...errors },
    }),
    async (request, reply) => {
      const created = await replyTo(
        db,
        userPrincipal(request),
        subjectAnnotation(request),
        request.body.body,
      );
      return reply.status(201).send(toReplyView(created));
    },
  );

  app.post(
    '/annotations/:id/acknowledge',
    withPolicy('annotations.acknowledge', {
      summary: 'The rep acknowledges or disputes feedback on their call (a dispute needs a comment)',
      params: AnnotationIdParams,
      body: AcknowledgeBody,
      response: { 200: ThreadView, ...errors },
    }),
    async (request) => toThreadView(await answerFeedback(db, subjectAnnotation(request), request.body)),
  );

  app.get(
    '/inbox/feedback',
    withPolicy('inbox.feedback', {
      summary: 'Feedback on your calls still to acknowledge or dispute, newest first',
      response: { 200: FeedbackInbox, ...errors },
    }),
    async (request) => toFeedbackInbox(await feedbackInbox(db, userPrincipal(request))),
  );

  app.get(
    '/inbox/replies',
    withPolicy('inbox.review', {
      summary: "Threads on your teams' calls a rep disputed or replied to, not answered since",
      response: { 200: FeedbackInbox, ...errors },
    }),
    async (request) => toFeedbackInbox(await repliesInbox(db, request.principal!)),
  );

  app.get(
    '/inbox/counts',
    withPolicy('inbox.counts', {
      summary: 'How much work waits in your queues (for the navigation counters)',
      response: { 200: InboxCounts, ...errors },
    }),
    async (request) => inboxCounts(db, userPrincipal(request)),
  );

  app.get(
    '/inbox/review',
    withPolicy('inbox.review', {
      summary:
        'Analysed calls of your teams not reviewed yet: missing flags or deflections first, then newest',
      querystring: ReviewInboxQuery,
      response: { 200: ReviewInbox, ...errors },
    }),
    async (request) => reviewInbox(db, request.principal!, request.query),
  );

  app.get(
    '/coaching/tags',
    withPolicy('coaching.viewTags', {
      summary: 'The coaching tags offered for feedback',
      response: { 200: Type.Array(CoachingTagView), ...errors },
    }),
    async () => (await listTags(db)).map(toTagView),
  );

  app.post(
    '/coaching/tags',
    withPolicy('coaching.manageTags', {
      summary: 'Add a coaching tag',
      body: NewTagBody,
      response: { 201: CoachingTagView, ...errors },
    }),
    async (request, reply) => {
      const tag = await addTag(actionDeps(request), request.body.label);
      return reply.status(201).send(toTagView(tag));
    },
  );

  app.delete(
    '/coaching/tags/:id',
    withPolicy('coaching.manageTags', {
      summary: 'Remove a coaching tag from the choices (threads that carry it keep it)',
      params: TagIdParams,
      response: { 204: Type.Null(), ...errors },
    }),
    async (request, reply) => {
      await removeTag(actionDeps(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

function toFeedbackInbox(items: FeedbackItem[]) {
  return {
    items: items.map((item) => ({
      callId: item.callId,
      clientName: item.clientName,
      recordedAt: item.recordedAt.toISOString(),
      thread: toThreadView(item.thread),
    })),
  };
}
