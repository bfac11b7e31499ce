import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiTokensTable, Database, TokenScope } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise it in the list. */
  prefix: string;
  scopes: TokenScope[];
  teamIds: string[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiToken {
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: TokenScope[];
  teamIds: string[];
  createdBy: string;
}

export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.prefix,
      scopes: token.scopes,
      team_ids: token.teamIds,
      created_by: token.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toToken(row);
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function findApiTokenById(db: Db, id: string): Promise<ApiToken | null> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toToken);
}

/** Returns false when the token does not exist or was already revoked. */
export async function revokeApiToken(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scopes: row.scopes,
    teamIds: row.team_ids,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
