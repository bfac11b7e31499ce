import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChecklistError, loadChecklist } from '@onterms/analysis';
import {
  ChecklistVersionView,
  ChecklistVersionsResponse,
  PublishChecklistRequest,
  ValidateChecklistRequest,
} from '@onterms/contracts';
import { listChecklistVersions, type ChecklistVersion } from '@onterms/db';
import { publishCompanyChecklist } from '@onterms/domain';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { AppError } from '@onterms/domain';
import { actorOf } from './credit-policy-views.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
const toView = (v: ChecklistVersion): ChecklistVersionView => ({
  ...v,
  publishedAt: v.publishedAt.toISOString(),
});

/** Company checklists: the company's own items and wording, versioned like the credit policy. */
export const checklistRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/checklists',
    {
      config: { policy: 'checklists.view' },
      schema: {
        summary:
          'Published company checklist versions per call type, newest first (none: the defaults are used)',
        response: { 200: ChecklistVersionsResponse, ...errors },
      },
    },
    async () => ({ items: (await listChecklistVersions(db)).map(toView) }),
  );

  app.post(
    '/checklists/validate',
    {
      config: { policy: 'checklists.manage' },
      schema: {
        summary: 'Check a checklist document without publishing it; a 400 names the JSON path',
        body: ValidateChecklistRequest,
        response: {
          200: Type.Object({ valid: Type.Literal(true), items: Type.Array(Type.String()) }),
          ...errors,
        },
      },
    },
    async (request) => {
      try {
        const compiled = loadChecklist(request.body.document);
        return { valid: true as const, items: compiled.items.map((i) => i.id) };
      } catch (e) {
        if (e instanceof ChecklistError) throw new AppError('invalid_policy', e.message);
        throw e;
      }
    },
  );

  app.post(
    '/checklists',
    {
      config: { policy: 'checklists.manage' },
      schema: {
        summary: 'Publish a company checklist version for a call type (numbered by the server; audited)',
        body: PublishChecklistRequest,
        response: { 201: ChecklistVersionView, ...errors },
      },
    },
    async (request, reply) => {
      const published = await publishCompanyChecklist(
        { db, actor: actorOf(request.principal!, request.ip) },
        request.body,
      );
      return reply.status(201).send(toView(published));
    },
  );
};
