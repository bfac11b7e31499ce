import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FollowUpQueue, SnoozeFollowUpBody } from '@onterms/contracts';
import { listFollowUps, snoozeFollowUp } from '@onterms/domain';
import { visibleRepIds } from '../access/policy.ts';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { receivablesDeps } from './receivables-deps.ts';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The follow-up queue: who needs a call about money, and why. */
export const followUpRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const followUpDeps = {
    ...receivablesDeps(deps),
    defaultDays: deps.config.company?.followUpDays ?? 3,
    now: () => new Date(),
  };

  app.get(
    '/follow-ups',
    withPolicy('followUps.list', {
      summary:
        'Open follow-ups in your scope: overdue invoices with no call to the client within N days (a first delay first), broken promises, negotiations with overdue clients',
      response: { 200: FollowUpQueue, ...errors },
    }),
    async (request) => {
      const queue = await listFollowUps(followUpDeps, await visibleRepIds(deps.db, request.principal!));
      return {
        counts: queue.counts,
        items: queue.items.map((i) => ({
          ...i,
          call: i.call && { ...i.call, recordedAt: i.call.recordedAt.toISOString() },
          lastCallAt: i.lastCallAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/follow-ups/snoozes',
    withPolicy('followUps.snooze', {
      summary: 'Put a follow-up aside until a date, with a reason (audited)',
      body: SnoozeFollowUpBody,
      response: { 204: Type.Null(), ...errors },
    }),
    async (request, reply) => {
      const principal = request.principal!;
      await snoozeFollowUp(
        { ...followUpDeps, audit: deps.auth.audit.by(request) },
        await visibleRepIds(deps.db, principal),
        { ...request.body, by: principal.userId },
      );
      return reply.status(204).send(null);
    },
  );
};
