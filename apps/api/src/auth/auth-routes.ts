import { ErrorBody, LoginBody, PasswordBody, SessionInfo } from '@onterms/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FirstRunInfo } from '@onterms/contracts';
import { countUsers, findUserById } from '@onterms/db';
import { userPrincipal } from '../access/access-control.ts';
import { principalForUser, type UserPrincipal } from '../access/principal.ts';
import type { AppDeps } from '../app.ts';
import { AppError } from '@onterms/domain';
import { withPolicy, publicRoute } from '../access/route-options.ts';
import { companyTimeZone } from '@onterms/calendar';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** Sign in and out, who am I, change my password. */
export const authRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, auth } = deps;
  const workspace = {
    speechToText: Boolean(deps.config.stt?.engine),
    timeZone: companyTimeZone(deps.config),
  };

  const me = async (principal: UserPrincipal) => {
    const user = await findUserById(db, principal.userId);
    if (!user) throw new AppError('unauthorized', 'Please sign in.');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamId: user.teamId,
      teamIds: principal.teamIds,
    };
  };

  app.post(
    '/auth/login',
    publicRoute({
      summary: 'Sign in with email and password; sets the session cookie',
      description:
        'Answers the same 401 for an unknown email and a wrong password. After 5 failed attempts for one email ' +
        '(or 50 from one IP) within 15 minutes, answers 429 with Retry-After. Send the returned csrfToken as ' +
        'X-CSRF-Token on every POST/PUT/PATCH/DELETE.',
      body: LoginBody,
      response: { 200: SessionInfo, ...errors },
    }),
    async (request, reply) => {
      const { user, csrfToken } = await auth.login(request, reply, request.body.email, request.body.password);
      const principal = await principalForUser(db, user.id);
      if (!principal) throw new AppError('unauthorized', 'Please sign in.');
      return { user: await me(principal), csrfToken, workspace };
    },
  );

  app.get(
    '/auth/first-run',
    publicRoute({
      summary: 'Whether anyone can sign in yet (a fresh install says how to create the first user)',
      response: { 200: FirstRunInfo },
    }),
    async () => ({ usersExist: (await countUsers(db)) > 0 }),
  );

  app.post(
    '/auth/logout',
    withPolicy('account.self', {
      summary: 'Sign out: ends this session',
      response: { 204: Type.Null(), ...errors },
    }),
    async (request, reply) => {
      const principal = request.principal!;
      await auth.audit.record(request, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: principal.userId,
      });
      await auth.sessions.end(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    withPolicy('account.self', {
      summary: 'Who is signed in, and the CSRF token for this session',
      response: { 200: SessionInfo, ...errors },
    }),
    async (request) => {
      const principal = userPrincipal(request);
      return { user: await me(principal), csrfToken: principal.session?.csrfToken ?? '', workspace };
    },
  );

  app.post(
    '/auth/password',
    withPolicy('account.self', {
      summary: 'Change your password: every other session ends, this one gets a new id',
      body: PasswordBody,
      response: { 200: Type.Object({ csrfToken: Type.String() }), ...errors },
    }),
    async (request, reply) => {
      const principal = userPrincipal(request);
      return auth.changePassword(
        request,
        reply,
        principal,
        request.body.currentPassword,
        request.body.newPassword,
      );
    },
  );
};
