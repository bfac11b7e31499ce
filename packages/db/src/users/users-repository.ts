import type { Kysely, Transaction } from 'kysely';
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

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
  passwordHash?: string | null;
}

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
    .returning(['id', 'email', 'name', 'role', 'team_id', 'disabled_at'])
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'team_id', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function insertTeam(db: Db, name: string): Promise<{ id: string; name: string }> {
  return db.insertInto('teams').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
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
