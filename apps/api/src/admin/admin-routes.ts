import {
  AuditPage,
  CreatedToken,
  CreatedUser,
  PasswordReset,
  AdminTeam,
  AdminToken,
  AdminUser,
  AuditQuery,
  CreateTokenBody,
  CreateUserBody,
  ErrorBody,
  IdParams,
  ResetPasswordBody,
  TeamBody,
  UpdateUserBody,
} from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  listApiTokens,
  listAuditEntries,
  listTeams,
  listUsers,
  type ApiToken,
  type UserListing,
} from '@onterms/db';
import { isUuid } from '../access/call-policy.ts';
import { withAuditNames } from './audit-names.ts';
import type { AppDeps } from '../app.ts';
import {
  AppError,
  changeAccount,
  createApiToken,
  createTeam,
  createUser,
  renameTeam,
  resetPassword,
  revokeApiTokenById,
  type ApiTokenRequest,
} from '@onterms/domain';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The admin pages' API: users, teams, tokens, audit log. Every route is admin-only by its policy. */
export const adminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, auth } = deps;
  const findListedUser = async (id: string) => (await listUsers(db)).find((u) => u.id === id) ?? null;
  const tokenDeps = (request: FastifyRequest) => ({
    db,
    issue: (input: ApiTokenRequest) => auth.tokens.create(input),
    audit: auth.audit.by(request),
  });

  // ---- users ----
  app.get(
    '/admin/users',
    withPolicy('users.manage', {
      summary: 'Every user',
      response: { 200: Type.Array(AdminUser), ...errors },
    }),
    async () => (await listUsers(db)).map(toAdminUser),
  );

  app.post(
    '/admin/users',
    withPolicy('users.manage', {
      summary: 'Create a user; without a password one is generated and returned once',
      body: CreateUserBody,
      response: {
        201: CreatedUser,
        ...errors,
      },
    }),
    async (request, reply) => {
      const { user, generatedPassword } = await createUser(
        db,
        auth.passwords,
        request.body,
        auth.audit.by(request),
      );
      return reply
        .status(201)
        .send({ user: toAdminUser((await findListedUser(user.id))!), generatedPassword });
    },
  );

  app.patch(
    '/admin/users/:id',
    withPolicy('users.manage', {
      summary: 'Change name, role, team, led teams, or disable/enable (role changes are audited)',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: AdminUser, ...errors },
    }),
    async (request) => {
      const id = requireUuid(request.params.id, 'user');
      const { user } = await changeAccount(db, id, request.body, auth.audit.by(request));
      return toAdminUser((await findListedUser(user.id))!);
    },
  );

  app.post(
    '/admin/users/:id/password',
    withPolicy('users.manage', {
      summary: "Set a user's password (generated and returned once when omitted); their sessions end",
      params: IdParams,
      body: ResetPasswordBody,
      response: {
        200: PasswordReset,
        ...errors,
      },
    }),
    async (request) => {
      const id = requireUuid(request.params.id, 'user');
      const password = request.body.password ?? null;
      return resetPassword(db, auth.passwords, id, password, auth.audit.by(request));
    },
  );

  // ---- teams ----
  app.get(
    '/admin/teams',
    withPolicy('teams.manage', {
      summary: 'Every team',
      response: { 200: Type.Array(AdminTeam), ...errors },
    }),
    async () => listTeams(db),
  );

  app.post(
    '/admin/teams',
    withPolicy('teams.manage', {
      summary: 'Create a team',
      body: TeamBody,
      response: { 201: AdminTeam, ...errors },
    }),
    async (request, reply) => {
      const team = await createTeam({ db, audit: auth.audit.by(request) }, request.body.name);
      return reply.status(201).send({ ...team, memberCount: 0, managerIds: [] });
    },
  );

  app.patch(
    '/admin/teams/:id',
    withPolicy('teams.manage', {
      summary: 'Rename a team',
      params: IdParams,
      body: TeamBody,
      response: { 200: AdminTeam, ...errors },
    }),
    async (request) => {
      const id = requireUuid(request.params.id, 'team');
      await renameTeam({ db, audit: auth.audit.by(request) }, id, request.body.name);
      return (await listTeams(db)).find((t) => t.id === id)!;
    },
  );

  // ---- tokens ----
  app.get(
    '/admin/tokens',
    withPolicy('tokens.manage', {
      summary: 'Every API token (never the secret), with when it was last used',
      response: { 200: Type.Array(AdminToken), ...errors },
    }),
    async () => (await listApiTokens(db)).map(toAdminToken),
  );

  app.post(
    '/admin/tokens',
    withPolicy('tokens.manage', {
      summary: 'Create an API token: the secret is in this answer only',
      description:
        'Scopes: `calls:upload` (upload calls for reps of the given teams), `calls:read` (read their calls).',
      body: CreateTokenBody,
      response: { 201: CreatedToken, ...errors },
    }),
    async (request, reply) => {
      const { token, secret } = await createApiToken(tokenDeps(request), {
        ...request.body,
        createdBy: request.principal!.userId,
      });
      return reply.status(201).send({ token: toAdminToken(token), secret });
    },
  );

  app.delete(
    '/admin/tokens/:id',
    withPolicy('tokens.manage', {
      summary: 'Revoke a token: it stops working at once',
      params: IdParams,
      response: { 200: AdminToken, ...errors },
    }),
    async (request) => {
      const id = requireUuid(request.params.id, 'token');
      return toAdminToken(await revokeApiTokenById(tokenDeps(request), id));
    },
  );

  // ---- audit log ----
  app.get(
    '/admin/audit',
    withPolicy('audit.view', {
      summary: 'The audit log, newest first, filtered by actor, action, object and time',
      querystring: AuditQuery,
      response: {
        200: AuditPage,
        ...errors,
      },
    }),
    async (request) => {
      const q = request.query;
      const { items, total } = await listAuditEntries(
        db,
        {
          ...(q.actorId && { actorUserId: q.actorId }),
          ...(q.tokenId && { actorTokenId: q.tokenId }),
          ...(q.action && { action: q.action }),
          ...(q.objectType && { objectType: q.objectType }),
          ...(q.objectId && { objectId: q.objectId }),
          ...(q.from && { from: new Date(q.from) }),
          ...(q.to && { to: new Date(q.to) }),
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        items: await withAuditNames(db, items),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};

function requireUuid(id: string, what: string): string {
  if (!isUuid(id)) throw new AppError('not_found', `No such ${what}.`);
  return id;
}

function toAdminUser(u: UserListing) {
  return { ...u, createdAt: u.createdAt.toISOString() };
}

function toAdminToken(t: ApiToken) {
  return {
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
