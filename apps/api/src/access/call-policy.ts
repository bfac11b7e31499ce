import type { Kysely } from 'kysely';
import type { Call, Database } from '@onterms/db';
import { findCallById } from '@onterms/db';
import { AppError, notFound } from '../http/app-error.ts';
import type { Principal } from './principal.ts';

/**
 * Who may do what with a call — the one place these rules live. A rep: their own calls; a manager:
 * the calls of reps in the teams they lead; a director: every call, read-only; an admin manages
 * accounts, not recordings. An object you may not see is reported as missing (404), never 403.
 */
export type CallAction = 'view' | 'reanalyze';

/** The reps whose calls the principal may list; `null` means every rep. */
export async function repScope(db: Kysely<Database>, principal: Principal): Promise<string[] | null> {
  switch (principal.role) {
    case 'director':
      return null;
    case 'rep':
      return [principal.userId];
    case 'manager':
      if (principal.teamIds.length === 0) return [];
      return (await db.selectFrom('users').select('id').where('team_id', 'in', principal.teamIds).execute()).map(
        (u) => u.id,
      );
    case 'admin':
      return [];
  }
}

export async function mayAccessCall(
  db: Kysely<Database>,
  principal: Principal,
  call: Call,
  action: CallAction,
): Promise<boolean> {
  const scope = await repScope(db, principal);
  const inScope = scope === null || scope.includes(call.repId);
  if (!inScope) return false;
  if (action === 'reanalyze') return principal.role === 'manager' || principal.role === 'rep';
  return true;
}

/** Loads a call the principal may act on, or answers 404 as if it did not exist. */
export async function loadCall(
  db: Kysely<Database>,
  principal: Principal,
  callId: string,
  action: CallAction = 'view',
): Promise<Call> {
  const call = await findCallById(db, callId);
  if (!call) throw notFound();
  const scope = await repScope(db, principal);
  if (scope !== null && !scope.includes(call.repId)) throw notFound();
  if (!(await mayAccessCall(db, principal, call, action))) {
    throw new AppError('forbidden', 'Your role may see this call but not do that with it.');
  }
  return call;
}

/** Whether the principal may upload a recording as `repId`'s call. */
export async function mayUploadFor(db: Kysely<Database>, principal: Principal, repId: string): Promise<boolean> {
  if (principal.role === 'rep') return repId === principal.userId;
  if (principal.role === 'manager') return ((await repScope(db, principal)) ?? []).includes(repId);
  return false;
}
