import type { Kysely } from 'kysely';
import { findActiveUserAccess, type Database, type Role, type TokenScope } from '@onterms/db';

/**
 * Who is making a request. A person signed in with a session cookie, or an integration using an API
 * token (`role: 'integration'`). Roles never change mid-request: the principal is read from the
 * database on every request, so a role change or a disabled account takes effect at once.
 */
export type Principal = UserPrincipal | TokenPrincipal;

export type PrincipalRole = Role | 'integration';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: Role;
  /** Teams whose calls this principal may see: the rep's own team, or the teams a manager leads. */
  teamIds: string[];
  /** The session the request came with (null for principals built outside HTTP, e.g. in tests or jobs). */
  session: { idHash: string; csrfToken: string } | null;
}

export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  /** The admin who created the token: recorded as the uploader of calls the token uploads. */
  userId: string;
  role: 'integration';
  scopes: TokenScope[];
  /** The token acts for reps of these teams only. */
  teamIds: string[];
}

export async function principalForUser(
  db: Kysely<Database>,
  userId: string,
  session: UserPrincipal['session'] = null,
): Promise<UserPrincipal | null> {
  const user = await findActiveUserAccess(db, userId);
  if (!user) return null;
  const teamIds = user.role === 'manager' ? user.managedTeamIds : user.teamId ? [user.teamId] : [];
  return { kind: 'user', userId: user.id, role: user.role, teamIds, session };
}

/** A short description for logs and the audit trail. */
export function describePrincipal(principal: Principal): string {
  return principal.kind === 'token'
    ? `token ${principal.tokenId}`
    : `user ${principal.userId} (${principal.role})`;
}
