import { CSRF_HEADER } from '../access/access-control.ts';
import type { Authenticator } from './authenticator.ts';
import { SESSION_COOKIE } from './sessions.ts';

/** Request headers that act as a signed-in user (a real session and its CSRF token): for tests and tools. */
export async function sessionHeaders(auth: Authenticator, userId: string): Promise<Record<string, string>> {
  const { id, csrfToken } = await auth.sessions.create(userId);
  return { cookie: `${SESSION_COOKIE}=${id}`, [CSRF_HEADER]: csrfToken };
}
