import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChecklistVersionView,
  ChecklistVersionsResponse,
  PublishChecklistRequest,
  PublishChecklistResponse,
  ValidateChecklistRequest,
} from '@onterms/contracts';
import { latestChecklistRechecks, listChecklistVersions, type ChecklistVersion } from '@onterms/db';
import { compileCompanyChecklist, publishCompanyChecklist } from '@onterms/domain';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { actorOf, toChecklistRecheckView } from './credit-policy-views.ts';
import { recheckQueueFor } from './recheck-queue.ts';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 503: ErrorBody };
const toView = (v: ChecklistVersion): ChecklistVersionView => ({
  ...v,
  publishedAt: v.publishedAt.toISOString(),
});

/** Company checklists: the company's own items and wording, versioned like the credit policy. */
export const checklistRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/checklists',
    withPolicy('checklists.view', {
      summary:
        'Published company checklist versions per call type, newest first (none: the defaults are used), and the latest re-analysis run of each type',
      response: { 200: ChecklistVersionsResponse, ...errors },
    }),
    async () => {
      const [versions, rechecks] = await Promise.all([
        listChecklistVersions(db),
        latestChecklistRechecks(db),
      ]);
      return { items: versions.map(toView), rechecks: rechecks.map(toChecklistRecheckView) };
    },
  );

  app.post(
    '/checklists/validate',
    withPolicy('checklists.manage', {
      summary: 'Check a checklist document without publishing it; a 400 names the JSON path',
      body: ValidateChecklistRequest,
      response: {
        200: Type.Object({ valid: Type.Literal(true), items: Type.Array(Type.String()) }),
        ...errors,
      },
    }),
    async (request) => {
      const compiled = compileCompanyChecklist(request.body.document);
      return { valid: true as const, items: compiled.items.map((i) => i.id) };
    },
  );

  app.post(
    '/checklists',
    withPolicy('checklists.manage', {
      summary:
        'Publish a company checklist version for a call type (numbered by the server; audited) and start re-analysing every analysed call of the type',
      body: PublishChecklistRequest,
      response: { 201: PublishChecklistResponse, ...errors },
    }),
    async (request, reply) => {
      const recheckQueue = recheckQueueFor(deps.queue, request, 'checklist');
      const published = await publishCompanyChecklist(
        { db, actor: actorOf(request.principal!, request.ip), enqueueRecheck: recheckQueue.enqueueRecheck },
        request.body,
      );
      recheckQueue.tellReply(reply);
      return reply.status(201).send({
        version: toView(published.checklist),
        recheck: toChecklistRecheckView(published.recheck),
      });
    },
  );
};
