import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditActor {
  userId: string | null;
  tokenId: string | null;
}

export interface NewAuditEntry {
  actor: AuditActor;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
  at?: Date;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  actorTokenId: string | null;
  actorTokenName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditFilters {
  actorUserId?: string;
  actorTokenId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
}

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actor.userId,
      actor_token_id: entry.actor.tokenId,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.ip ?? null,
      ...(entry.at && { at: entry.at }),
    })
    .execute();
}

/** Whether the same actor already did `action` on the object since `since` (to log a play once, not every Range request). */
export async function hasRecentAuditEntry(
  db: Db,
  actor: AuditActor,
  action: string,
  objectId: string,
  since: Date,
): Promise<boolean> {
  let query = db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .where('at', '>=', since);
  query = actor.tokenId
    ? query.where('actor_token_id', '=', actor.tokenId)
    : query.where('actor_user_id', '=', actor.userId).where('actor_token_id', 'is', null);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export async function listAuditEntries(
  db: Db,
  filters: AuditFilters,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filters.actorUserId) query = query.where('audit_log.actor_user_id', '=', filters.actorUserId);
  if (filters.actorTokenId) query = query.where('audit_log.actor_token_id', '=', filters.actorTokenId);
  if (filters.action) {
    // `call.` matches every call action; a full name matches only itself.
    query = filters.action.endsWith('.')
      ? query.where('audit_log.action', 'like', `${filters.action.replace(/[%_\\]/g, '\\$&')}%`)
      : query.where('audit_log.action', '=', filters.action);
  }
  if (filters.objectType) query = query.where('audit_log.object_type', '=', filters.objectType);
  if (filters.objectId) query = query.where('audit_log.object_id', '=', filters.objectId);
  if (filters.from) query = query.where('audit_log.at', '>=', filters.from);
  if (filters.to) query = query.where('audit_log.at', '<', filters.to);

  const [rows, count] = await Promise.all([
    query
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .leftJoin('api_tokens', 'api_tokens.id', 'audit_log.actor_token_id')
      .selectAll('audit_log')
      .select(['users.email as actor_email', 'api_tokens.name as actor_token_name'])
      .orderBy('audit_log.at', 'desc')
      .orderBy(sql`audit_log.id`, 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
      actorTokenId: r.actor_token_id,
      actorTokenName: r.actor_token_name,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      details: (r.details as Record<string, unknown> | null) ?? null,
      ip: r.ip,
    })),
    total: Number(count.n),
  };
}
