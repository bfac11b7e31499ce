import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ClientPageView, ClientSearchQuery, ClientSuggestions } from '@onterms/contracts';
import { searchClients } from '@onterms/db';
import { getClientPage } from '@onterms/domain';
import { visibleRepIds } from '../access/policy.ts';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { notFound } from '@onterms/domain';
import { receivablesDeps } from './receivables-deps.ts';
import { withPolicy } from '../access/route-options.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Clients: the upload form's autocomplete, and the client page (invoices, payments, calls, promises, risk). */
export const clientRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const pageDeps = receivablesDeps(deps);

  app.get(
    '/clients',
    withPolicy('clients.view', {
      summary: 'Clients whose name or tax id matches, in your scope (the upload form picks one)',
      querystring: ClientSearchQuery,
      response: { 200: ClientSuggestions, ...errors },
    }),
    async (request) => ({
      items: await searchClients(deps.db, request.query.q ?? '', {
        repIds: await visibleRepIds(deps.db, request.principal!),
        limit: 20,
      }),
    }),
  );

  app.get(
    '/clients/:clientId',
    withPolicy('clients.view', {
      summary:
        "A client's page: invoices (due, paid, days late), payments, calls with flags, promises, risk signals, rep",
      // any text: what is not a client's id is a client that does not exist (404), not a malformed request
      params: Type.Object({ clientId: Type.String() }),
      response: { 200: ClientPageView, ...errors },
    }),
    async (request) => {
      if (!UUID.test(request.params.clientId)) throw notFound('client');
      const page = await getClientPage(
        pageDeps,
        request.params.clientId,
        await visibleRepIds(deps.db, request.principal!),
      );
      if (!page) throw notFound('client');
      return {
        ...page,
        calls: page.calls.map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() })),
        promises: page.promises.map((p) => ({
          callId: p.callId,
          ordinal: p.ordinal,
          recordedAt: p.recordedAt.toISOString(),
          amount: p.amount,
          currency: p.currency,
          full: p.full,
          due: p.due,
          dueOn: p.dueOn,
          status: p.status,
          paid: p.paid,
          quotes: p.moments.map((m) => ({
            segment: m.segment,
            start: m.start,
            speaker: m.speaker,
            quote: m.quote,
          })),
        })),
      };
    },
  );
};
