import type { Kysely } from 'kysely';
import type { Database, Role } from '@onterms/db';

/** Who is making a request, with what their role lets them reach. */
export interface Principal {
  userId: string;
  role: Role;
  /** Teams whose calls this principal may see: the rep's own team, or the teams a manager leads. */
  teamIds: string[];
}

export async function principalForUser(db: Kysely<Database>, userId: string): Promise<Principal | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'team_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const led =
    user.role === 'manager'
      ? await db.selectFrom('team_managers').select('team_id').where('user_id', '=', userId).execute()
      : [];
  const teamIds = user.role === 'manager' ? led.map((t) => t.team_id) : user.team_id ? [user.team_id] : [];
  return { userId: user.id, role: user.role, teamIds };
}
