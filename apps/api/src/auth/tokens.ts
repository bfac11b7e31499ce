import type { Kysely } from 'kysely';
import {
  findApiTokenByHash,
  findUserById,
  insertApiToken,
  touchApiToken,
  type ApiToken,
  type Database,
  type TokenScope,
} from '@onterms/db';
import type { TokenPrincipal } from '../access/principal.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

export const TOKEN_PREFIX = 'ont_';
export const TOKEN_SCOPES: readonly TokenScope[] = ['calls:upload', 'calls:read', 'receivables:import'];
const TOUCH_INTERVAL_MS = 60_000;

/**
 * API tokens for integrations (a telephony system uploading on reps' behalf): `ont_` + 32 random
 * bytes, shown once at creation; only the SHA-256 is stored. A token acts through its scopes, for reps
 * of its teams only, until revoked — and only while its creator is still an active admin.
 */
export class TokenService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async create(input: {
    name: string;
    scopes: TokenScope[];
    teamIds: string[];
    createdBy: string;
  }): Promise<{ token: ApiToken; secret: string }> {
    const secret = TOKEN_PREFIX + randomSecret();
    const token = await insertApiToken(this.db, {
      name: input.name,
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      scopes: [...new Set(input.scopes)],
      teamIds: [...new Set(input.teamIds)],
      createdBy: input.createdBy,
    });
    return { token, secret };
  }

  /** The principal for an `Authorization: Bearer …` value, or null when unknown or revoked. */
  async authenticate(secret: string): Promise<TokenPrincipal | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const token = await findApiTokenByHash(this.db, sha256Hex(secret));
    if (!token || token.revokedAt) return null;
    // A token acts with its creator's rights as they are NOW, narrowed by its scopes and teams: only
    // an active admin may hand out access to calls, so a creator demoted or disabled since takes
    // every token they made down with them, from the next request on.
    const creator = await findUserById(this.db, token.createdBy);
    if (!creator || creator.disabled || creator.role !== 'admin') return null;
    const now = this.now();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchApiToken(this.db, token.id, now);
    }
    return {
      kind: 'token',
      tokenId: token.id,
      userId: token.createdBy,
      role: 'integration',
      scopes: token.scopes,
      teamIds: token.teamIds,
    };
  }
}
