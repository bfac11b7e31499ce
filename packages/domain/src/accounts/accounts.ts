import type { Kysely } from 'kysely';
import type { AuthConfig } from '@onterms/config';
import {
  countActiveAdmins,
  countUsers,
  findTeamById,
  findTeamByName,
  findUserByEmail,
  findUserById,
  getManagedTeamIds,
  getPasswordHash,
  insertTeam,
  insertUser,
  setManagedTeams,
  setPasswordHash,
  updateUser,
  deleteUserSessions,
  type Database,
  type Role,
  type User,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { createPasswordHasher, generatePassword, passwordProblem, type PasswordHasher } from './passwords.ts';

/**
 * Creating and changing accounts, shared by the admin API, the command line (`onterms user …`), the
 * initial admin from the environment, and the demo mode. Rules: a rep belongs to at most one team
 * (`teamId`); a manager leads any number of teams (`managedTeamIds`); directors and admins belong to none.
 */
export const ROLES: readonly Role[] = ['rep', 'manager', 'director', 'admin'];
const EMAIL = /^[^@\s]+@[^@\s]+$/;

export interface NewAccount {
  email: string;
  name?: string;
  role: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  /** Omitted: a password is generated and returned once. */
  password?: string | null;
}

export interface AccountChange {
  name?: string;
  role?: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  disabled?: boolean;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export async function createAccount(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  input: NewAccount,
): Promise<{ user: User; generatedPassword: string | null }> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new AppError('bad_request', `"${email}" is not an email address.`);
  if (!isRole(input.role))
    throw new AppError(
      'bad_request',
      `Unknown role "${String(input.role)}": use one of ${ROLES.join(', ')}.`,
    );
  const teams = await checkTeams(db, input.role, input.teamId ?? null, input.managedTeamIds ?? []);
  const generatedPassword = input.password ? null : generatePassword();
  const password = input.password ?? generatedPassword!;
  // A generated password is strong by construction (about 105 random bits): no need to judge it.
  const problem = input.password ? await passwordProblem(password, email, input.name) : null;
  if (problem) throw new AppError('bad_request', problem);
  if (await findUserByEmail(db, email))
    throw new AppError('conflict', `A user with the email ${email} already exists.`);
  const passwordHash = await passwords.hash(password);
  try {
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        email,
        name: input.name?.trim() || email.split('@')[0]!,
        role: input.role,
        teamId: teams.teamId,
        passwordHash,
      });
      await setManagedTeams(trx, created.id, teams.managedTeamIds);
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('conflict', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}

export interface AccountChangeResult {
  user: User;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** Applies an admin's change; keeps at least one active admin; ends the sessions of a disabled user. */
export async function changeAccount(
  db: Kysely<Database>,
  userId: string,
  change: AccountChange,
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
  return { user, changes };
}

/** Sets a new password (generated when omitted, and returned once) and ends every session of the user. */
export async function resetPassword(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  userId: string,
  password: string | null,
  now: Date = new Date(),
): Promise<{ generatedPassword: string | null }> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  const generatedPassword = password ? null : generatePassword();
  const next = password ?? generatedPassword!;
  const problem = password ? await passwordProblem(next, user.email, user.name) : null;
  if (problem) throw new AppError('bad_request', problem);
  await setPasswordHash(db, userId, await passwords.hash(next), now);
  await deleteUserSessions(db, userId);
  return { generatedPassword };
}

async function checkTeams(
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

/** A team by name, created when missing (the command line's `--team`). */
export async function ensureTeam(
  db: Kysely<Database>,
  name: string,
): Promise<{ id: string; name: string; created: boolean }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('bad_request', 'A team needs a name.');
  const found = await findTeamByName(db, trimmed);
  if (found) return { ...found, created: false };
  return { ...(await insertTeam(db, trimmed)), created: true };
}

/**
 * The first admin for containers and the embedded mode: created from ONTERMS_ADMIN_EMAIL and
 * ONTERMS_ADMIN_PASSWORD at start-up, only while the database has no user at all. Call before listening.
 */
export async function ensureInitialAdmin(
  db: Kysely<Database>,
  config: Pick<AuthConfig, 'initialAdmin'>,
  passwords: PasswordHasher = createPasswordHasher(),
): Promise<
  | { outcome: 'created'; email: string }
  | { outcome: 'users_exist' }
  | { outcome: 'no_users_and_no_admin_configured' }
> {
  if ((await countUsers(db)) > 0) return { outcome: 'users_exist' };
  if (!config.initialAdmin) return { outcome: 'no_users_and_no_admin_configured' };
  try {
    const { user } = await createAccount(db, passwords, {
      email: config.initialAdmin.email,
      name: 'Administrator',
      role: 'admin',
      password: config.initialAdmin.password,
    });
    return { outcome: 'created', email: user.email };
  } catch (error) {
    // Another API instance created it at the same moment.
    if (error instanceof AppError && error.code === 'conflict') return { outcome: 'users_exist' };
    throw error;
  }
}

export interface DemoCredential {
  email: string;
  role: Role;
  password: string;
}

export const DEMO_TEAMS = ['Demo North', 'Demo South'] as const;

/**
 * The demo mode's people, with random passwords (never a fixed default): three reps in each of two
 * teams, a manager leading each team, a director and an admin. `remembered` (email → password, kept by the
 * caller in ONTERMS_DATA_DIR) makes them stable across starts: a person with a remembered password
 * keeps it (reset to it if it no longer matches); anyone else gets a new one and their sessions end.
 * Returns the credentials to print and to remember.
 */
export async function createDemoUsers(
  db: Kysely<Database>,
  passwords: PasswordHasher = createPasswordHasher(),
  remembered: Record<string, string> = {},
): Promise<DemoCredential[]> {
  const north = await ensureTeam(db, DEMO_TEAMS[0]);
  const south = await ensureTeam(db, DEMO_TEAMS[1]);
  const people: { email: string; name: string; role: Role; teamId?: string; managedTeamIds?: string[] }[] = [
    { email: 'rep@demo.onterms.local', name: 'Павел Смирнов', role: 'rep', teamId: north.id },
    { email: 'rep3@demo.onterms.local', name: 'Андрей Волков', role: 'rep', teamId: north.id },
    { email: 'rep4@demo.onterms.local', name: 'Марина Орлова', role: 'rep', teamId: north.id },
    { email: 'rep2@demo.onterms.local', name: 'Ольга Кузнецова', role: 'rep', teamId: south.id },
    { email: 'rep5@demo.onterms.local', name: 'Дмитрий Лебедев', role: 'rep', teamId: south.id },
    { email: 'rep6@demo.onterms.local', name: 'Kate Morgan', role: 'rep', teamId: south.id },
    {
      email: 'manager@demo.onterms.local',
      name: 'Ирина Соколова',
      role: 'manager',
      managedTeamIds: [north.id],
    },
    {
      email: 'manager2@demo.onterms.local',
      name: 'Сергей Морозов',
      role: 'manager',
      managedTeamIds: [south.id],
    },
    { email: 'director@demo.onterms.local', name: 'Елена Director', role: 'director' },
    { email: 'admin@demo.onterms.local', name: 'Admin', role: 'admin' },
  ];
  const credentials: DemoCredential[] = [];
  for (const person of people) {
    const existing = await findUserByEmail(db, person.email);
    const kept = remembered[person.email];
    const password = kept ?? generatePassword();
    if (existing) {
      const hash = kept ? await getPasswordHash(db, existing.id) : null;
      const stillValid = hash !== null && (await passwords.verify(hash, password));
      if (!stillValid) await resetPassword(db, passwords, existing.id, password);
    } else {
      await createAccount(db, passwords, { ...person, password });
    }
    credentials.push({ email: person.email, role: person.role, password });
  }
  return credentials;
}
