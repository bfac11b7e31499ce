import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthConfig } from '@onterms/config';
import {
  findLoginByEmail,
  findUserById,
  getPasswordHash,
  setPasswordHash,
  type Database,
  type User,
} from '@onterms/db';
import type { Principal, UserPrincipal } from '../access/principal.ts';
import { AppError } from '@onterms/domain';
import { createAuditLog, type AuditLog } from './audit.ts';
import { createPasswordHasher, passwordProblem, type PasswordHasher } from '@onterms/domain';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter, type LoginRateLimitOptions } from './rate-limit.ts';
import { SessionService } from './sessions.ts';
import { TokenService } from './tokens.ts';

export const WRONG_CREDENTIALS = 'Wrong email or password.';

export interface AuthOptions extends Pick<
  AuthConfig,
  'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'cookieSecure'
> {
  rateLimit?: Partial<LoginRateLimitOptions>;
  /** The clock; tests move it to expire sessions. */
  now?: () => Date;
  passwords?: PasswordHasher;
}

/**
 * Everything about who is calling: sessions, API tokens, login with rate limiting, password changes,
 * and the audit log. `server.ts` builds one with `createAuthenticator(db, config.auth)` and hands it to
 * the app as `deps.auth`.
 */
export interface Authenticator {
  readonly passwords: PasswordHasher;
  readonly sessions: SessionService;
  readonly tokens: TokenService;
  readonly audit: AuditLog;
  readonly rateLimiter: LoginRateLimiter;
  /** Bearer token first (when the header is present, the cookie is ignored), else the session cookie. */
  authenticate(request: FastifyRequest): Promise<Principal | null>;
  /** Checks the credentials (rate-limited) and starts a fresh session; throws 401/429 as AppError. */
  login(
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    password: string,
  ): Promise<{ user: User; csrfToken: string }>;
  /** Changes the password; ends every session of the user and starts a fresh one for this client. */
  changePassword(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: UserPrincipal,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ csrfToken: string }>;
}

export function createAuthenticator(db: Kysely<Database>, options: AuthOptions): Authenticator {
  const now = options.now ?? (() => new Date());
  const passwords = options.passwords ?? createPasswordHasher();
  const sessions = new SessionService(db, {
    idleMs: options.sessionIdleMinutes * 60_000,
    absoluteMs: options.sessionAbsoluteHours * 3_600_000,
    cookieSecure: options.cookieSecure,
    now,
  });
  const tokens = new TokenService(db, now);
  const audit = createAuditLog(db, now);
  const rateLimiter = new LoginRateLimiter(db, { ...DEFAULT_LOGIN_RATE_LIMIT, ...options.rateLimit }, now);

  const throttle = async (email: string, ip: string) => {
    const wait = await rateLimiter.retryAfterSeconds(email, ip);
    if (wait > 0) {
      throw new AppError(
        'too_many_requests',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`,
        { headers: { 'retry-after': String(wait) } },
      );
    }
  };

  return {
    passwords,
    sessions,
    tokens,
    audit,
    rateLimiter,

    async authenticate(request) {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        return match ? tokens.authenticate(match[1]!) : null;
      }
      return sessions.authenticate(request);
    },

    async login(request, reply, email, password) {
      await throttle(email, request.ip);
      const found = await findLoginByEmail(db, email);
      // Always one argon2 verification, against a dummy hash when there is no such user (or no
      // password), so a wrong email and a wrong password cost the same time and get the same answer.
      const ok = await passwords.verify(found?.passwordHash ?? (await passwords.dummyHash()), password);
      if (!found || !found.passwordHash || found.user.disabled || !ok) {
        await rateLimiter.recordFailure(email, request.ip);
        // Who was tried, from where: the email as typed (it may match no account).
        await audit.record(
          request,
          {
            action: 'auth.login_failed',
            ...(found && { objectType: 'user' as const, objectId: found.user.id }),
            details: { email: email.slice(0, 320) },
          },
          { userId: null, tokenId: null },
        );
        throw new AppError('wrong_credentials', WRONG_CREDENTIALS);
      }
      await rateLimiter.recordSuccess(email);
      const { csrfToken } = await sessions.start(request, reply, found.user.id);
      await audit.record(
        request,
        { action: 'auth.login', objectType: 'user', objectId: found.user.id },
        { userId: found.user.id, tokenId: null },
      );
      return { user: found.user, csrfToken };
    },

    async changePassword(request, reply, principal, currentPassword, newPassword) {
      const user = await findUserById(db, principal.userId);
      if (!user) throw new AppError('unauthorized', 'Please sign in.');
      await throttle(user.email, request.ip);
      const currentHash = await getPasswordHash(db, principal.userId);
      const ok = await passwords.verify(currentHash ?? (await passwords.dummyHash()), currentPassword);
      if (!currentHash || !ok) {
        await rateLimiter.recordFailure(user.email, request.ip);
        throw new AppError('bad_request', 'The current password is wrong.');
      }
      const problem = await passwordProblem(newPassword, user.email, user.name);
      if (problem) throw new AppError('bad_request', problem);
      const at = now();
      await setPasswordHash(db, principal.userId, await passwords.hash(newPassword), at);
      await sessions.endAllFor(principal.userId);
      await audit.record(request, {
        action: 'auth.password_changed',
        objectType: 'user',
        objectId: principal.userId,
      });
      return sessions.start(request, reply, principal.userId);
    },
  };
}
