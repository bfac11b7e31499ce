import type { Kysely } from 'kysely';
import {
  findUserByEmail,
  insertUser,
  setManagedTeams,
  type Database,
  type Role,
  type User,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { notAudited, type Audit } from '../audit.ts';
import { checkTeams, EMAIL, isRole, ROLES } from './account-rules.ts';
import { generatePassword, passwordProblem, type PasswordHasher } from './passwords.ts';

export interface NewAccount {
  email: string;
  name?: string;
  role: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  /** Omitted: a password is generated and returned once. */
  password?: string | null;
}

/**
 * A new account (admin API, `onterms user create`, the initial admin, the demo): the email unique, the
 * team fields fitting the role, the password the person chose (judged) or generated (returned once).
 * Audited as `user.created` when `audit` is given (the admin API, the command line).
 */
export async function createUser(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  input: NewAccount,
  audit: Audit = notAudited,
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
    await audit({
      action: 'user.created',
      objectType: 'user',
      objectId: user.id,
      details: { email: user.email, role: user.role },
    });
    return { user, generatedPassword };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('conflict', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}
