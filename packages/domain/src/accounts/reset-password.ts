import type { Kysely } from 'kysely';
import { deleteUserSessions, findUserById, setPasswordHash, type Database } from '@onterms/db';
import { AppError } from '../app-error.ts';
import { notAudited, type Audit } from '../audit.ts';
import { generatePassword, passwordProblem, type PasswordHasher } from './passwords.ts';

/**
 * Sets a new password (generated when omitted, and returned once) and ends every session of the user;
 * audited as `user.password_reset` when `audit` is given (the admin API, the command line).
 */
export async function resetPassword(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  userId: string,
  password: string | null,
  audit: Audit = notAudited,
): Promise<{ generatedPassword: string | null }> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  const generatedPassword = password ? null : generatePassword();
  const next = password ?? generatedPassword!;
  const problem = password ? await passwordProblem(next, user.email, user.name) : null;
  if (problem) throw new AppError('bad_request', problem);
  await setPasswordHash(db, userId, await passwords.hash(next), new Date());
  await deleteUserSessions(db, userId);
  await audit({ action: 'user.password_reset', objectType: 'user', objectId: userId });
  return { generatedPassword };
}
