import type { Kysely } from 'kysely';
import type { AuthConfig } from '@onterms/config';
import {
  countUsers,
  findTeamByName,
  findUserByEmail,
  getPasswordHash,
  insertTeam,
  type Database,
  type Role,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { notAudited, type Audit } from '../audit.ts';
import { createPasswordHasher, generatePassword, type PasswordHasher } from './passwords.ts';
import { createUser } from './create-user.ts';
import { resetPassword } from './reset-password.ts';

/**
 * Accounts made without a person asking for each: a team by name (`onterms team`), the initial admin
 * from the environment and the demo people. The actions people ask for are create-user.ts,
 * change-user.ts and reset-password.ts; the rules they share are account-rules.ts.
 */
/** A team by name, created when missing (the command line's `--team`); a new one is audited as `team.created`. */
export async function ensureTeam(
  db: Kysely<Database>,
  name: string,
  audit: Audit = notAudited,
): Promise<{ id: string; name: string; created: boolean }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('bad_request', 'A team needs a name.');
  const found = await findTeamByName(db, trimmed);
  if (found) return { ...found, created: false };
  const team = await insertTeam(db, trimmed);
  await audit({
    action: 'team.created',
    objectType: 'team',
    objectId: team.id,
    details: { name: team.name },
  });
  return { ...team, created: true };
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
    const { user } = await createUser(db, passwords, {
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
      await createUser(db, passwords, { ...person, password });
    }
    credentials.push({ email: person.email, role: person.role, password });
  }
  return credentials;
}
