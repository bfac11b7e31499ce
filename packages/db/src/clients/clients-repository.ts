import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** «ООО "Ромашка"» and «ооо  ромашка» are the same counterparty. */
export function clientNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[«»"'“”„]/g, '')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds the counterparty by name or creates it; safe under concurrent uploads naming the same client. */
export async function ensureClient(db: Db, name: string): Promise<{ id: string; name: string }> {
  const nameKey = clientNameKey(name);
  const inserted = await db
    .insertInto('clients')
    .values({ name: name.trim(), name_key: nameKey })
    .onConflict((oc) => oc.column('name_key').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (inserted) return inserted;
  return db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('name_key', '=', nameKey)
    .executeTakeFirstOrThrow();
}

export interface ClientRecord {
  id: string;
  name: string;
  /** The client's credit-policy segment; null: the policy's default. */
  segment: string | null;
}

export async function findClient(db: Db, id: string): Promise<ClientRecord | null> {
  const row = await db
    .selectFrom('clients')
    .select(['id', 'name', 'segment'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The segment of the client of a call (null: none set, or the call names no client). */
export async function findSegmentOfCallClient(db: Db, callId: string): Promise<string | null> {
  const row = await db
    .selectFrom('calls')
    .leftJoin('clients', 'clients.id', 'calls.client_id')
    .select('clients.segment')
    .where('calls.id', '=', callId)
    .executeTakeFirst();
  return row?.segment ?? null;
}

/** The segments of the clients of many calls (calls whose client has none are absent). */
export async function findSegmentsOfCallClients(db: Db, callIds: string[]): Promise<Map<string, string>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('calls')
    .innerJoin('clients', 'clients.id', 'calls.client_id')
    .select(['calls.id', 'clients.segment'])
    .where('calls.id', 'in', callIds)
    .where('clients.segment', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.segment!]));
}

export async function setClientSegment(db: Db, id: string, segment: string | null): Promise<boolean> {
  const r = await db.updateTable('clients').set({ segment }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Clients by name (a case-insensitive part of it), for the segment editor; at most `limit`. */
export async function listClients(db: Db, q: string | undefined, limit = 200): Promise<ClientRecord[]> {
  let query = db.selectFrom('clients').select(['id', 'name', 'segment']).orderBy('name').limit(limit);
  if (q?.trim()) query = query.where('name_key', 'like', `%${clientNameKey(q).replace(/[%_\\]/g, '\\$&')}%`);
  return query.execute();
}
