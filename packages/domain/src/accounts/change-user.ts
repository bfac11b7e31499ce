import type { Kysely } from 'kysely';
import {
  countActiveAdmins,
  deleteUserSessions,
  findUserById,
  getManagedTeamIds,
  setManagedTeams,
  updateUser,
  type Database,
  type Role,
  type User,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { notAudited, type Audit } from '../audit.ts';
import { checkTeams, isRole, ROLES } from './account-rules.ts';

export interface AccountChange {
  name?: string;
  role?: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  disabled?: boolean;
}

export interface AccountChangeResult {
  user: User;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Applies an admin's change; keeps at least one active admin; ends the sessions of a disabled user.
 * Audited when `audit` is given (the admin API, the command line): a role change, disabling or enabling, and the rest
 * of the changes each as their own entry.
 */
export async function changeAccount(
  db: Kysely<Database>,
  userId: string,
  change: AccountChange,
  audit: Audit = notAudited,
): Promise<AccountChangeResult> {
  const before = await findUserById(db, userId);
  if (!before) throw new AppError('not_found', 'No such user.');
  const beforeManaged = await getManagedTeamIds(db, userId);
  const role = change.role ?? before.role;
  if (!isRole(role))
    throw new AppError('bad_request', `Unknown role "${String(role)}": use one of ${ROLES.join(', ')}.`);
  const losesAdmin =
    before.role === 'admin' && !before.disabled && (role !== 'admin' || change.disabled === true);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
    throw new AppError('conflict', 'This is the last active admin: make someone else an admin first.');
  }
  // Team fields that do not fit the new role are cleared, not kept dormant.
  const teamId = role === 'rep' ? (change.teamId !== undefined ? change.teamId : before.teamId) : null;
  const managed = role === 'manager' ? (change.managedTeamIds ?? beforeManaged) : [];
  if (change.teamId && role !== 'rep')
    throw new AppError(
      'bad_request',
      'Only a rep belongs to a team; a manager leads teams (managedTeamIds).',
    );
  if (change.managedTeamIds?.length && role !== 'manager')
    throw new AppError('bad_request', 'Only a manager leads teams.');
  const teams = await checkTeams(db, role, teamId, managed);

  const user = await db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, userId, {
      ...(change.name !== undefined && { name: change.name.trim() }),
      role,
      teamId: teams.teamId,
      ...(change.disabled !== undefined &&
        change.disabled !== before.disabled && { disabled: change.disabled }),
    });
    await setManagedTeams(trx, userId, teams.managedTeamIds);
    if (change.disabled) await deleteUserSessions(trx, userId);
    return updated!;
  });

  const changes: AccountChangeResult['changes'] = {};
  if (before.name !== user.name) changes.name = { from: before.name, to: user.name };
  if (before.role !== user.role) changes.role = { from: before.role, to: user.role };
  if (before.teamId !== user.teamId) changes.teamId = { from: before.teamId, to: user.teamId };
  if (before.disabled !== user.disabled) changes.disabled = { from: before.disabled, to: user.disabled };
  const sortedBefore = [...beforeManaged].sort();
  const sortedAfter = [...teams.managedTeamIds].sort();
  if (sortedBefore.join() !== sortedAfter.join())
    changes.managedTeamIds = { from: sortedBefore, to: sortedAfter };
  await auditChanges(audit, userId, changes);
  return { user, changes };
}

async function auditChanges(audit: Audit, userId: string, changes: AccountChangeResult['changes']) {
  const { role, disabled, ...rest } = changes;
  const user = { objectType: 'user', objectId: userId } as const;
  if (role) await audit({ action: 'user.role_changed', ...user, details: role });
  if (disabled) await audit({ action: disabled.to ? 'user.disabled' : 'user.enabled', ...user });
  if (Object.keys(rest).length) await audit({ action: 'user.updated', ...user, details: rest });
}
