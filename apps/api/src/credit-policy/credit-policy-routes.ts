import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { buildCard, PolicyError, validatePolicy } from '@onterms/analysis';
import {
  CallPolicyResponse,
  CardQuery,
  CardResponse,
  ClientsQuery,
  ClientsResponse,
  ClientView,
  CurrentPolicyResponse,
  PolicyBreachesResponse,
  PolicyStatsQuery,
  PolicyStatsResponse,
  PolicyVersionsResponse,
  PublishPolicyRequest,
  PublishPolicyResponse,
  SetClientSegmentRequest,
  ValidatePolicyRequest,
  ValidatePolicyResponse,
  type FindingKind,
  type PolicyBreachItem,
} from '@onterms/contracts';
import {
  findCurrentPolicy,
  getPolicyCheck,
  latestRecheck,
  listClients,
  listPolicyVersions,
  listPolicyBreaches,
  listRunningRecheckIds,
  type PolicyBreachRow,
} from '@onterms/db';
import { publishCreditPolicy, setSegmentOfClient } from '@onterms/domain';
import { Type } from '@sinclair/typebox';
import { subjectCall } from '../access/access-control.ts';
import { visibleRepIds } from '../access/policy.ts';
import type { AppDeps } from '../app.ts';
import { CallIdParams, ErrorBody } from '@onterms/contracts';
import { AppError } from '@onterms/domain';
import { checklistRoutes } from './checklist-routes.ts';
import { actorOf, toRecheckView, toVersionView } from './credit-policy-views.ts';
import { recheckQueueFor } from './recheck-queue.ts';
import { policyStats } from './policy-stats.ts';
import { withPolicy } from '../access/route-options.ts';
import { companyTimeZone } from '@onterms/calendar';

const toBreachItem = (r: PolicyBreachRow): PolicyBreachItem => ({
  ...r,
  recordedAt: r.recordedAt.toISOString(),
  kinds: r.kinds as FindingKind[],
});

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  503: ErrorBody,
};

/**
 * The company's credit policy: read, validate and publish versions (directors and admins), client
 * segments, each call's findings, the rep's card, the manager's breaches queue and the dashboard's
 * breaches. Thin shells over `@onterms/domain` actions and `@onterms/db` reads.
 */
export const creditPolicyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps;
  await app.register(checklistRoutes, deps);

  app.get(
    '/credit-policy',
    withPolicy('creditPolicy.view', {
      summary: 'The credit policy version calls are checked against now, and the latest re-check run',
      response: { 200: CurrentPolicyResponse, ...errors },
    }),
    async () => {
      const [current, recheck] = await Promise.all([findCurrentPolicy(db), latestRecheck(db)]);
      return {
        current: current ? toVersionView(current) : null,
        recheck: recheck ? toRecheckView(recheck) : null,
      };
    },
  );

  app.get(
    '/credit-policy/versions',
    withPolicy('creditPolicy.view', {
      summary: 'Every published version, newest first, with who published it (history is never rewritten)',
      response: { 200: PolicyVersionsResponse, ...errors },
    }),
    async () => ({ items: (await listPolicyVersions(db)).map(toVersionView) }),
  );

  app.post(
    '/credit-policy/validate',
    withPolicy('creditPolicy.manage', {
      summary: 'Check a policy document without publishing it; a 400 names the JSON path of the bad field',
      body: ValidatePolicyRequest,
      response: { 200: ValidatePolicyResponse, ...errors },
    }),
    async (request) => {
      try {
        const doc = request.body.document as Record<string, unknown> | null;
        const withVersion =
          doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, version: doc.version ?? 1 } : doc;
        return { valid: true as const, document: validatePolicy(withVersion) };
      } catch (e) {
        if (e instanceof PolicyError) throw new AppError('invalid_policy', e.message, { field: e.path });
        throw e;
      }
    },
  );

  app.post(
    '/credit-policy',
    withPolicy('creditPolicy.manage', {
      summary:
        'Publish a new version (numbered by the server; atomic; audited) and start re-checking every analysed call',
      body: PublishPolicyRequest,
      response: { 201: PublishPolicyResponse, ...errors },
    }),
    async (request, reply) => {
      const principal = request.principal!;
      const recheckQueue = recheckQueueFor(deps.queue, request, 'policy');
      const published = await publishCreditPolicy(
        { db, actor: actorOf(principal, request.ip), enqueueRecheck: recheckQueue.enqueueRecheck },
        {
          document: request.body.document,
          baseVersion: request.body.baseVersion,
          note: request.body.note ?? null,
        },
      );
      recheckQueue.tellReply(reply);
      const version = (await listPolicyVersions(db)).find((v) => v.version === published.policy.version)!;
      return reply
        .status(201)
        .send({ version: toVersionView(version), recheck: toRecheckView(published.recheck) });
    },
  );

  app.post(
    '/credit-policy/recheck',
    withPolicy('creditPolicy.manage', {
      summary:
        'Resume every re-check run still going — policy and checklists (after the queue was down); finished runs are left alone',
      response: { 200: CurrentPolicyResponse, ...errors },
    }),
    async () => {
      for (const id of await listRunningRecheckIds(db)) await deps.queue.enqueueRecheck(id);
      const run = await latestRecheck(db);
      const current = await findCurrentPolicy(db);
      return { current: current ? toVersionView(current) : null, recheck: run ? toRecheckView(run) : null };
    },
  );

  app.get(
    '/credit-policy/clients',
    withPolicy('clients.segments', {
      summary: 'Clients with their credit-policy segment (null: the policy default)',
      querystring: ClientsQuery,
      response: { 200: ClientsResponse, ...errors },
    }),
    async (request) => ({ items: await listClients(db, request.query.q) }),
  );

  app.put(
    '/credit-policy/clients/:id/segment',
    withPolicy('clients.setSegment', {
      summary: "Set a client's segment (one of the current policy's, or null for the default); audited",
      params: CallIdParams,
      body: SetClientSegmentRequest,
      response: { 200: ClientView, ...errors },
    }),
    async (request) =>
      setSegmentOfClient(
        { db, actor: actorOf(request.principal!, request.ip) },
        request.params.id,
        request.body.segment,
      ),
  );

  app.get(
    '/calls/:id/policy',
    withPolicy('calls.view', {
      summary: "The call's check against the credit policy: version, segment, findings with their moments",
      params: CallIdParams,
      response: { 200: CallPolicyResponse, ...errors },
    }),
    async (request) => {
      const call = subjectCall(request);
      const [check, current] = await Promise.all([getPolicyCheck(db, call.id), findCurrentPolicy(db)]);
      if (!check) return { check: null };
      const checkedAgainst =
        current?.version === check.version
          ? current
          : (await listPolicyVersions(db)).find((v) => v.version === check.version);
      return {
        check: {
          ...check,
          checkedAt: check.checkedAt.toISOString(),
          segmentName: checkedAgainst?.document.segments.find((s) => s.id === check.segment)?.name ?? null,
          outdated: current !== null && current.version > check.version,
        },
      };
    },
  );

  app.get(
    '/credit-policy/card',
    withPolicy('creditPolicy.card', {
      summary: "The rep's card: for each segment, the terms and sanctions to state and sample wording",
      querystring: CardQuery,
      response: { 200: CardResponse, ...errors },
    }),
    async (request) => {
      const language = request.query.lang ?? 'ru';
      const current = await findCurrentPolicy(db);
      if (!current) return { policy: null, language, segments: [] };
      return {
        policy: { id: current.policyId, version: current.version },
        language,
        segments: buildCard(current.document, language),
      };
    },
  );

  app.get(
    '/inbox/policy',
    withPolicy('creditPolicy.breaches', {
      summary:
        '«Нарушения политики»: unreviewed calls of your teams with a credit-policy breach, newest first',
      response: { 200: PolicyBreachesResponse, ...errors },
    }),
    async (request) => {
      const rows = await listPolicyBreaches(db, {
        repIds: await visibleRepIds(db, request.principal!),
        unreviewed: true,
      });
      return { items: rows.map(toBreachItem) };
    },
  );

  app.get(
    '/stats/policy',
    withPolicy('stats.view', {
      summary: 'Credit-policy breaches per rep, team or week in your scope, and the version they come from',
      querystring: PolicyStatsQuery,
      response: { 200: PolicyStatsResponse, ...errors },
    }),
    async (request) =>
      policyStats({ db, timeZone: companyTimeZone(deps.config) }, request.principal!, request.query),
  );

  app.get(
    '/stats/policy/calls',
    withPolicy('stats.view', {
      summary: 'The drill-down: calls in your scope with a breach, newest first (optionally of one rep)',
      querystring: Type.Object(
        { repId: Type.Optional(Type.String({ format: 'uuid' })) },
        { additionalProperties: false },
      ),
      response: { 200: PolicyBreachesResponse, ...errors },
    }),
    async (request) => {
      const scope = await visibleRepIds(db, request.principal!);
      const { repId } = request.query;
      const repIds = repId ? (scope === null || scope.includes(repId) ? [repId] : []) : scope;
      const rows = await listPolicyBreaches(db, { repIds, limit: 500 });
      return { items: rows.map(toBreachItem) };
    },
  );
};
