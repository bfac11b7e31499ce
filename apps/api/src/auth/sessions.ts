import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
  type Database,
} from '@onterms/db';
import { principalForUser, type UserPrincipal } from '../access/principal.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

export const SESSION_COOKIE = 'onterms_session';
/** last_seen_at is written at most this often, so reading a page is not a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionOptions {
  idleMs: number;
  absoluteMs: number;
  cookieSecure: boolean;
  now: () => Date;
}

/**
 * Server-side sessions: the cookie holds 32 random bytes, the database only their SHA-256. A session
 * ends when idle too long, when too old whatever the activity, at logout, when the password changes
 * (every session of the user) and when the user is disabled. A new id is issued at every login and
 * password change, never reused from the request (no fixation).
 */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: SessionOptions,
  ) {}

  /** Starts a session for the user, sets the cookie, and returns the CSRF token the client must echo. */
  async start(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<{ csrfToken: string }> {
    await this.endPresented(request);
    const { id, csrfToken } = await this.create(userId, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, id, {
      path: '/',
      httpOnly: true,
      // Lax: links into the app (a call shared in a chat, a download link) arrive signed in; every
      // state-changing request is guarded by the CSRF header check on top.
      sameSite: 'lax',
      secure: this.options.cookieSecure,
      maxAge: Math.floor(this.options.absoluteMs / 1000),
    });
    return { csrfToken };
  }

  /** Creates a session row and returns the raw id (the cookie value) — `start` for HTTP, tests directly. */
  async create(
    userId: string,
    meta: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
  ): Promise<{ id: string; csrfToken: string }> {
    const id = randomSecret();
    const csrfToken = randomSecret();
    await insertSession(this.db, {
      idHash: sha256Hex(id),
      userId,
      csrfToken,
      at: this.options.now(),
      ...meta,
    });
    return { id, csrfToken };
  }

  /** The principal behind the request's session cookie, or null when there is none or it has expired. */
  async authenticate(request: FastifyRequest): Promise<UserPrincipal | null> {
    const id = request.cookies?.[SESSION_COOKIE];
    if (!id) return null;
    const idHash = sha256Hex(id);
    const session = await findSessionWithUser(this.db, idHash);
    if (!session) return null;
    const now = this.options.now().getTime();
    const expired =
      now - session.lastSeenAt.getTime() > this.options.idleMs ||
      now - session.createdAt.getTime() > this.options.absoluteMs ||
      session.user.disabled ||
      (session.user.passwordChangedAt !== null && session.createdAt < session.user.passwordChangedAt);
    if (expired) {
      await deleteSession(this.db, idHash);
      return null;
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
      await touchSession(this.db, idHash, new Date(now));
    return principalForUser(this.db, session.userId, { idHash, csrfToken: session.csrfToken });
  }

  /** Ends the session the request presents (if any) and clears the cookie. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.endPresented(request);
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.cookieSecure,
    });
  }

  /** Ends every session of the user but `exceptIdHash`. */
  async endAllFor(userId: string, exceptIdHash?: string): Promise<number> {
    return deleteUserSessions(this.db, userId, exceptIdHash);
  }

  /** Housekeeping for a periodic timer: removes expired rows. */
  async sweep(): Promise<number> {
    const now = this.options.now().getTime();
    return deleteExpiredSessions(
      this.db,
      new Date(now - this.options.idleMs),
      new Date(now - this.options.absoluteMs),
    );
  }

  private async endPresented(request: FastifyRequest): Promise<void> {
    const presented = request.cookies?.[SESSION_COOKIE];
    if (presented) await deleteSession(this.db, sha256Hex(presented));
  }
}
