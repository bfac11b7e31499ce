import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app.ts';

/**
 * The re-check queue as a publish route hands it to the domain. The new version is committed before
 * its re-check is queued, so a queue that is down only delays the re-check (POST /credit-policy/recheck
 * resumes it): the failure is logged, the publish still succeeds, and `tellReply` marks the answer
 * with `x-recheck-queued: false`.
 */
export function recheckQueueFor(
  queue: AppDeps['queue'],
  request: FastifyRequest,
  what: 'policy' | 'checklist',
) {
  let queued = true;
  return {
    enqueueRecheck: (id: string) =>
      queue.enqueueRecheck(id).catch((error: unknown) => {
        queued = false;
        request.log.warn({ err: error, recheckId: id }, `${what} re-check not queued; resume it later`);
      }),
    tellReply: (reply: FastifyReply) => {
      if (!queued) reply.header('x-recheck-queued', 'false');
    },
  };
}
