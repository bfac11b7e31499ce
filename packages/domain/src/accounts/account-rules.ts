import type { Kysely } from 'kysely';
import { findTeamById, type Database, type Role } from '@onterms/db';
import { AppError } from '../app-error.ts';

/**
 * What every account obeys: a rep belongs to at most one team (`teamId`); a manager leads any number
 * of teams (`managedTeamIds`); directors and admins belong to none.
 */
export const ROLES: readonly Role[] = ['rep', 'manager', 'director', 'admin'];
export const EMAIL = /^[^@\s]+@[^@\s]+$/;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Team fields checked against the role: a rep in at most one team, a manager leading any. */
export async function checkTeams(
  db: Kysely<Database>,
  role: Role,
  teamId: string | null,
  managedTeamIds: string[],
): Promise<{ teamId: string | null; managedTeamIds: string[] }> {
  if (teamId && role !== 'rep')
    throw new AppError('bad_request', 'Only a rep belongs to a team; a manager leads teams.');
  if (managedTeamIds.length && role !== 'manager')
    throw new AppError('bad_request', 'Only a manager leads teams.');
  const unique = [...new Set(managedTeamIds)];
  for (const id of teamId ? [teamId, ...unique] : unique) {
    if (!(await findTeamById(db, id).catch(() => null)))
      throw new AppError('bad_request', `No team with id ${id}.`);
  }
  return { teamId, managedTeamIds: unique };
}
