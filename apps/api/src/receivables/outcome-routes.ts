import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OutcomeQuery, OutcomeReport } from '@onterms/contracts';
import { getOutcome } from '@onterms/domain';
import { visibleRepIds } from '../access/policy.ts';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { receivablesDeps } from './receivables-deps.ts';
import { withPolicy } from '../access/route-options.ts';

/** The dashboard's outcome: did clients pay on time, did they keep their promises, did hearing the terms help. */
export const outcomeRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const outcomeDeps = receivablesDeps(deps);

  app.get(
    '/stats/outcome',
    withPolicy('stats.view', {
      summary:
        'Per rep, team or client segment: invoices paid on time, average days late, promises kept; clients who heard terms and sanctions vs not',
      querystring: OutcomeQuery,
      response: { 200: OutcomeReport, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    }),
    async (request) => {
      const groupBy = request.query.groupBy ?? 'rep';
      const report = await getOutcome(outcomeDeps, await visibleRepIds(deps.db, request.principal!), groupBy);
      return { groupBy, today: outcomeDeps.today(), ...report };
    },
  );
};
