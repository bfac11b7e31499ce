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
import {
  findApiTokenById,
  findTeamById,
  insertTeam,
  listApiTokens,
  listAuditEntries,
  listTeams,
  listUsers,
  renameTeam,
  revokeApiToken,
  type ApiToken,
  type UserListing,
} from '@onterms/db';
import { isUuid } from '../access/call-policy.ts';
import { withAuditNames } from './audit-names.ts';
import type { AppDeps } from '../app.ts';
import { changeAccount, createUser, resetPassword } from '@onterms/domain';
import { AppError } from '@onterms/domain';
import { withPolicy } from '../access/route-options.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The admin pages' API: users, teams, tokens, audit log. Every route is admin-only by its policy. */
export const adminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, auth } = deps;
  const findListedUser = async (id: string) => (await listUsers(db)).find((u) => u.id === id) ?? null;

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
      const { user, generatedPassword } = await createUser(db, auth.passwords, request.body);
      await auth.audit.record(request, {
        action: 'user.created',
        objectType: 'user',
        objectId: user.id,
        details: { email: user.email, role: user.role },
      });
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
      const { user, changes } = await changeAccount(db, id, request.body);
      const { role, disabled, ...rest } = changes;
      if (role)
        await auth.audit.record(request, {
          action: 'user.role_changed',
          objectType: 'user',
          objectId: id,
          details: role,
        });
      if (disabled) {
        await auth.audit.record(request, {
          action: disabled.to ? 'user.disabled' : 'user.enabled',
          objectType: 'user',
          objectId: id,
        });
      }
      if (Object.keys(rest).length) {
        await auth.audit.record(request, {
          action: 'user.updated',
          objectType: 'user',
          objectId: id,
          details: rest,
        });
      }
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
      const result = await resetPassword(db, auth.passwords, id, request.body.password ?? null);
      await auth.audit.record(request, { action: 'user.password_reset', objectType: 'user', objectId: id });
      return result;
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
      const team = await insertTeam(db, request.body.name.trim()).catch((error: { code?: string }) => {
        throw error.code === '23505'
          ? new AppError('conflict', `A team named "${request.body.name}" already exists.`)
          : error;
      });
      await auth.audit.record(request, {
        action: 'team.created',
        objectType: 'team',
        objectId: team.id,
        details: { name: team.name },
      });
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
      const before = await findTeamById(db, id);
      if (!before) throw new AppError('not_found', 'No such team.');
      await renameTeam(db, id, request.body.name.trim()).catch((error: { code?: string }) => {
        throw error.code === '23505'
          ? new AppError('conflict', `A team named "${request.body.name}" already exists.`)
          : error;
      });
      await auth.audit.record(request, {
        action: 'team.renamed',
        objectType: 'team',
        objectId: id,
        details: { from: before.name, to: request.body.name.trim() },
      });
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
      for (const teamId of request.body.teamIds) {
        if (!(await findTeamById(db, teamId)))
          throw new AppError('bad_request', `No team with id ${teamId}.`);
      }
      const { token, secret } = await auth.tokens.create({
        ...request.body,
        name: request.body.name.trim(),
        createdBy: request.principal!.userId,
      });
      await auth.audit.record(request, {
        action: 'token.created',
        objectType: 'token',
        objectId: token.id,
        details: { name: token.name, scopes: token.scopes, teamIds: token.teamIds },
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
      if (!(await findApiTokenById(db, id))) throw new AppError('not_found', 'No such token.');
      if (await revokeApiToken(db, id, new Date())) {
        await auth.audit.record(request, { action: 'token.revoked', objectType: 'token', objectId: id });
      }
      return toAdminToken((await findApiTokenById(db, id))!);
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
