import type { Kysely } from 'kysely';
import { findTeamById, insertTeam, renameTeam as storeTeamName, type Database, type Team } from '@onterms/db';
import { AppError } from '../app-error.ts';
import type { Audit } from '../audit.ts';

export interface TeamDeps {
  db: Kysely<Database>;
  /** Writes `team.created` / `team.renamed` for whoever acts. */
  audit: Audit;
}

/** A new team (the admin page); its name unique. Audited as `team.created`. */
export async function createTeam(deps: TeamDeps, name: string): Promise<Team> {
  const team = await uniqueName(name, insertTeam(deps.db, name.trim()));
  await deps.audit({
    action: 'team.created',
    objectType: 'team',
    objectId: team.id,
    details: { name: team.name },
  });
  return team;
}

/** Renames a team to a name no other team has. Audited as `team.renamed`, from and to. */
export async function renameTeam(deps: TeamDeps, teamId: string, name: string): Promise<void> {
  const before = await findTeamById(deps.db, teamId);
  if (!before) throw new AppError('not_found', 'No such team.');
  const to = name.trim();
  await uniqueName(name, storeTeamName(deps.db, teamId, to));
  await deps.audit({
    action: 'team.renamed',
    objectType: 'team',
    objectId: teamId,
    details: { from: before.name, to },
  });
}

/** The unique index on team names is the check (no read-then-write race): its violation is a conflict. */
function uniqueName<T>(name: string, write: Promise<T>): Promise<T> {
  return write.catch((error: { code?: string }) => {
    throw error.code === '23505' ? new AppError('conflict', `A team named "${name}" already exists.`) : error;
  });
}
