import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Role } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  disabled: boolean;
}

/** A user as the admin pages list them: with the teams a manager leads. */
export interface UserListing extends User {
  teamName: string | null;
  managedTeamIds: string[];
  createdAt: Date;
}

export interface Team {
  id: string;
  name: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
  passwordHash?: string | null;
}

export interface UserUpdate {
  name?: string;
  role?: Role;
  teamId?: string | null;
  disabled?: boolean;
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'team_id', 'disabled_at'] as const;

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email.trim(),
      name: user.name,
      role: user.role,
      team_id: user.teamId ?? null,
      password_hash: user.passwordHash ?? null,
    })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** What a user may do right now: an enabled account's role, own team, and (managers) the teams they lead. */
export interface UserAccess {
  id: string;
  role: Role;
  teamId: string | null;
  /** Read for managers only; empty for every other role. */
  managedTeamIds: string[];
}

/** The user's current access, or null for an unknown or disabled account. Read on every request. */
export async function findActiveUserAccess(db: Db, userId: string): Promise<UserAccess | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'team_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const managedTeamIds = user.role === 'manager' ? await getManagedTeamIds(db, userId) : [];
  return { id: user.id, role: user.role, teamId: user.team_id, managedTeamIds };
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** What login needs: the user and their password hash (null when they have no password yet). */
export async function findLoginByEmail(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | null> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(
  db: Db,
  id: string,
  update: UserUpdate,
  at: Date = new Date(),
): Promise<User | null> {
  const row = await db
    .updateTable('users')
    .set({
      ...(update.name !== undefined && { name: update.name }),
      ...(update.role !== undefined && { role: update.role }),
      ...(update.teamId !== undefined && { team_id: update.teamId }),
      ...(update.disabled !== undefined && { disabled_at: update.disabled ? at : null }),
    })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Db): Promise<UserListing[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.team_id',
      'users.disabled_at',
      'users.created_at',
      'teams.name as team_name',
    ])
    .select((eb) =>
      eb
        .fn<string[]>('array', [
          eb
            .selectFrom('team_managers')
            .select('team_managers.team_id')
            .whereRef('team_managers.user_id', '=', 'users.id'),
        ])
        .as('managed_team_ids'),
    )
    .orderBy(sql`lower(users.email)`)
    .execute();
  return rows.map((row) => ({
    ...toUser(row),
    teamName: row.team_name,
    managedTeamIds: row.managed_team_ids,
    createdAt: row.created_at,
  }));
}

/** The teams a manager leads, replaced as a whole. */
export async function setManagedTeams(db: Db, userId: string, teamIds: string[]): Promise<void> {
  await db.deleteFrom('team_managers').where('user_id', '=', userId).execute();
  if (teamIds.length) {
    await db
      .insertInto('team_managers')
      .values(teamIds.map((teamId) => ({ team_id: teamId, user_id: userId })))
      .execute();
  }
}

export async function getManagedTeamIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_managers').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

export async function insertTeam(db: Db, name: string): Promise<Team> {
  return db.insertInto('teams').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function findTeamById(db: Db, id: string): Promise<Team | null> {
  return (
    (await db.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function findTeamByName(db: Db, name: string): Promise<Team | null> {
  return (
    (await db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('name', '=', name.trim())
      .executeTakeFirst()) ?? null
  );
}

export async function renameTeam(db: Db, id: string, name: string): Promise<Team | null> {
  return (
    (await db
      .updateTable('teams')
      .set({ name })
      .where('id', '=', id)
      .returning(['id', 'name'])
      .executeTakeFirst()) ?? null
  );
}

export interface TeamListing extends Team {
  memberCount: number;
  managerIds: string[];
}

export async function listTeams(db: Db): Promise<TeamListing[]> {
  const rows = await db
    .selectFrom('teams')
    .select(['teams.id', 'teams.name'])
    .select((eb) => [
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('users.team_id', '=', 'teams.id')
        .as('member_count'),
      eb
        .fn<string[]>('array', [
          eb
            .selectFrom('team_managers')
            .select('team_managers.user_id')
            .whereRef('team_managers.team_id', '=', 'teams.id'),
        ])
        .as('manager_ids'),
    ])
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    memberCount: Number(r.member_count ?? 0),
    managerIds: r.manager_ids,
  }));
}

/** Ids of the users whose own team is one of `teamIds`. */
export async function listUserIdsInTeams(db: Db, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  return (await db.selectFrom('users').select('id').where('team_id', 'in', teamIds).execute()).map(
    (u) => u.id,
  );
}

function toUser(row: {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  disabled_at: Date | null;
}): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    disabled: row.disabled_at !== null,
  };
}

/** Everyone's id, e-mail and name: an imported report names reps by either. */
export async function listUserIdentities(db: Db): Promise<{ id: string; email: string; name: string }[]> {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('disabled_at', 'is', null).execute();
}
