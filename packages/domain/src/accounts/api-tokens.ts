import type { Kysely } from 'kysely';
import {
  findApiTokenById,
  findTeamById,
  revokeApiToken,
  type ApiToken,
  type Database,
  type TokenScope,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import type { Audit } from '../audit.ts';

export interface ApiTokenRequest {
  name: string;
  scopes: TokenScope[];
  teamIds: string[];
  createdBy: string;
}

export interface ApiTokenDeps {
  db: Kysely<Database>;
  /** Makes the secret and stores its hash (the API's token service: the format is the API's business). */
  issue: (input: ApiTokenRequest) => Promise<{ token: ApiToken; secret: string }>;
  /** Writes `token.created` / `token.revoked` for whoever acts. */
  audit: Audit;
}

/** A token for an integration, for reps of existing teams only. Audited as `token.created`. */
export async function createApiToken(
  deps: ApiTokenDeps,
  input: ApiTokenRequest,
): Promise<{ token: ApiToken; secret: string }> {
  for (const teamId of input.teamIds) {
    if (!(await findTeamById(deps.db, teamId)))
      throw new AppError('bad_request', `No team with id ${teamId}.`);
  }
  const issued = await deps.issue({ ...input, name: input.name.trim() });
  const { token } = issued;
  await deps.audit({
    action: 'token.created',
    objectType: 'token',
    objectId: token.id,
    details: { name: token.name, scopes: token.scopes, teamIds: token.teamIds },
  });
  return issued;
}

/** Revokes a token at once; revoking it again changes nothing and writes no second `token.revoked`. */
export async function revokeApiTokenById(
  deps: Pick<ApiTokenDeps, 'db' | 'audit'>,
  tokenId: string,
): Promise<ApiToken> {
  if (!(await findApiTokenById(deps.db, tokenId))) throw new AppError('not_found', 'No such token.');
  if (await revokeApiToken(deps.db, tokenId, new Date())) {
    await deps.audit({ action: 'token.revoked', objectType: 'token', objectId: tokenId });
  }
  return (await findApiTokenById(deps.db, tokenId))!;
}
