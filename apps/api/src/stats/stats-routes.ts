import { ErrorBody, StatsBasisResponse, TermStatsQuery, TermStatsReport } from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app.ts';
import { statsBasis } from './stats-basis.ts';
import { termStats } from './term-stats.ts';
import { companyTimeZone } from '@onterms/calendar';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** The director's dashboard: terms voiced by rep, team, week or month, in the caller's scope. */
export const statsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const statsDeps = { db: deps.db, timeZone: companyTimeZone(deps.config) };

  app.get(
    '/stats/terms',
    withPolicy('stats.view', {
      summary:
        'Share of analysed calls with payment terms, deadline, sanctions, all three, deflections — per group, with the previous period',
      querystring: TermStatsQuery,
      response: { 200: TermStatsReport, ...errors },
    }),
    async (request) => termStats(statsDeps, request.principal!, request.query),
  );

  app.get(
    '/stats/basis',
    withPolicy('stats.view', {
      summary:
        'Which credit policy and company checklist versions the numbers come from, and how far a re-check running now is',
      response: { 200: StatsBasisResponse, ...errors },
    }),
    async () => statsBasis(deps.db),
  );
};
