import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { camelRow } from '../rows.ts';
import { getEffectiveFlags } from '../coaching/corrections-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClientHeader {
  id: string;
  name: string;
  taxId: string | null;
  rep: { id: string; name: string; email: string } | null;
}

/**
 * Whether the client is in the scope of these reps (null: everyone): the client's rep is one of them, or
 * one of them has called the client.
 */
export async function clientInScope(db: Db, clientId: string, repIds: string[] | null): Promise<boolean> {
  if (repIds === null) {
    return Boolean(await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst());
  }
  if (!repIds.length) return false;
  const row = await sql<{ ok: boolean }>`
    select exists (select 1 from clients c where c.id = ${clientId}::uuid and c.rep_id = any(${repIds}::uuid[]))
        or exists (select 1 from calls k where k.client_id = ${clientId}::uuid and k.rep_id = any(${repIds}::uuid[])) as ok
  `.execute(db);
  return Boolean(row.rows[0]?.ok);
}

export async function getClientHeader(db: Db, clientId: string): Promise<ClientHeader | null> {
  const row = await db
    .selectFrom('clients as c')
    .leftJoin('users as u', 'u.id', 'c.rep_id')
    .select(['c.id', 'c.name', 'c.tax_id', 'u.id as rep_id', 'u.name as rep_name', 'u.email as rep_email'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
  if (!row) return null;
  const { rep_id, rep_name, rep_email, ...client } = row;
  return {
    ...camelRow(client),
    rep: rep_id ? { id: rep_id, name: rep_name ?? '', email: rep_email ?? '' } : null,
  };
}

export interface ClientCall {
  id: string;
  recordedAt: Date;
  callType: 'credit_negotiation' | 'collection';
  status: string;
  rep: { id: string; name: string };
  /** Effective verdicts (a manager's correction wins): flag id → stated; `deflection` → present. */
  flags: Record<string, boolean>;
}

/** The client's calls that these reps may see (null: all), newest last. */
export async function listClientCalls(
  db: Db,
  clientId: string,
  repIds: string[] | null,
): Promise<ClientCall[]> {
  let query = db
    .selectFrom('calls as k')
    .innerJoin('users as u', 'u.id', 'k.rep_id')
    .select(['k.id', 'k.recorded_at', 'k.call_type', 'k.status', 'u.id as rep_id', 'u.name as rep_name'])
    .where('k.client_id', '=', clientId);
  if (repIds !== null) {
    if (!repIds.length) return [];
    query = query.where('k.rep_id', 'in', repIds);
  }
  const calls = await query.orderBy('k.recorded_at').limit(500).execute();
  if (!calls.length) return [];
  // Two indexed lookups, not the effective_flags view: a filter on the view's full join reads every flag.
  const flags = await getEffectiveFlags(
    db,
    calls.map((c) => c.id),
  );
  return calls.map((c) => ({
    id: c.id,
    recordedAt: c.recorded_at,
    callType: c.call_type,
    status: c.status,
    rep: { id: c.rep_id, name: c.rep_name },
    flags: Object.fromEntries(Object.entries(flags.get(c.id) ?? {}).map(([f, v]) => [f, v.stated])),
  }));
}
