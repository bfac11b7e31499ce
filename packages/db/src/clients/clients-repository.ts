import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { camelRow } from '../rows.ts';

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

// Legal forms written before or after the name, in Russian and English; dropped when matching.
const LEGAL_FORMS = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'ип',
  'нко',
  'ано',
  'гуп',
  'муп',
  'фгуп',
  'тоо',
  'llc',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'co',
  'gmbh',
  'plc',
  'jsc',
  'ooo',
]);

/**
 * The name a client is matched on across files and uploads: no legal form, no punctuation, words in
 * order — so «ООО "Ромашка"», «Ромашка, ООО» and «ромашка ооо» are one client, «Ромашка-Юг» another.
 */
export function clientMatchKey(name: string): string {
  const words = clientNameKey(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w));
  return words.join(' ');
}

export interface ClientRef {
  id: string;
  name: string;
  taxId: string | null;
  matchKey: string | null;
  repId: string | null;
}

/**
 * Finds the counterparty by name or creates it; safe under concurrent uploads naming the same client.
 * A name that matches exactly one known client once the legal form is ignored («Ромашка, ООО» for
 * «ООО "Ромашка"») is that client.
 */
export async function ensureClient(
  db: Db,
  name: string,
): Promise<{ id: string; name: string; created: boolean }> {
  const nameKey = clientNameKey(name);
  const exact = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
  if (exact) return { ...exact, created: false };
  const matchKey = clientMatchKey(name);
  if (matchKey) {
    const similar = await db
      .selectFrom('clients')
      .select(['id', 'name'])
      .where('match_key', '=', matchKey)
      .limit(2)
      .execute();
    if (similar.length === 1) return { ...similar[0]!, created: false };
  }
  const inserted = await db
    .insertInto('clients')
    .values({ name: name.trim(), name_key: nameKey, match_key: matchKey || null })
    .onConflict((oc) => oc.column('name_key').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (inserted) return { ...inserted, created: true };
  const raced = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('name_key', '=', nameKey)
    .executeTakeFirstOrThrow();
  return { ...raced, created: false };
}

/** Removes a client nothing refers to (no call, no invoice): undoing an `ensureClient` that created it. */
export async function deleteUnusedClient(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('clients')
    .where('id', '=', id)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('calls').select('id').where('client_id', '=', id))),
        eb.not(eb.exists(eb.selectFrom('receivable_invoices').select('id').where('client_id', '=', id))),
      ]),
    )
    .execute();
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

/**
 * Every client, for matching an imported file in memory. Clients created before match keys existed
 * get theirs filled in first, so matching sees them too.
 */
export async function listClientRefs(db: Db): Promise<ClientRef[]> {
  const missing = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('match_key', 'is', null)
    .execute();
  for (const c of missing) {
    await db
      .updateTable('clients')
      .set({ match_key: clientMatchKey(c.name) })
      .where('id', '=', c.id)
      .execute();
  }
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'name', 'tax_id', 'match_key', 'rep_id'])
    .execute();
  return rows.map(camelRow);
}

/**
 * Creates the clients an imported file names for the first time, in one statement per thousand, and
 * returns them by name key (a name already taken is that client, its tax id filled in when unknown).
 */
export async function insertImportedClients(
  db: Db,
  clients: { name: string; taxId: string | null; repId: string | null }[],
): Promise<Map<string, ClientRef>> {
  const byKey = new Map<string, ClientRef>();
  const unique = new Map<string, (typeof clients)[number]>();
  for (const c of clients) if (!unique.has(clientNameKey(c.name))) unique.set(clientNameKey(c.name), c);
  const all = [...unique.values()];
  for (let i = 0; i < all.length; i += 1000) {
    const rows = await db
      .insertInto('clients')
      .values(
        all.slice(i, i + 1000).map((c) => ({
          name: c.name.trim(),
          name_key: clientNameKey(c.name),
          match_key: clientMatchKey(c.name) || null,
          tax_id: c.taxId,
          rep_id: c.repId,
        })),
      )
      .onConflict((oc) =>
        oc.column('name_key').doUpdateSet((eb) => ({
          tax_id: eb.fn.coalesce('clients.tax_id', eb.ref('excluded.tax_id')),
        })),
      )
      .returning(['id', 'name', 'name_key', 'tax_id', 'match_key', 'rep_id'])
      .execute();
    for (const r of rows) {
      byKey.set(r.name_key, {
        id: r.id,
        name: r.name,
        taxId: r.tax_id,
        matchKey: r.match_key,
        repId: r.rep_id,
      });
    }
  }
  return byKey;
}

/** One client named in an imported file (tests and fixtures). */
export async function insertImportedClient(
  db: Db,
  client: { name: string; taxId: string | null; repId: string | null },
): Promise<ClientRef> {
  return (await insertImportedClients(db, [client])).get(clientNameKey(client.name))!;
}

/** What a later file tells about a known client: its tax id when unknown so far, its current rep. */
export async function updateClientFromImport(
  db: Db,
  id: string,
  change: { taxId?: string | null; repId?: string | null },
): Promise<void> {
  const set: { tax_id?: string; rep_id?: string } = {};
  if (change.taxId) set.tax_id = change.taxId;
  if (change.repId) set.rep_id = change.repId;
  if (!Object.keys(set).length) return;
  await db.updateTable('clients').set(set).where('id', '=', id).execute();
}

export interface ClientSuggestion {
  id: string;
  name: string;
  taxId: string | null;
}

/** Clients whose name or tax id starts with / contains the text, for the upload form's autocomplete. */
export async function searchClients(
  db: Db,
  text: string,
  options: { repIds: string[] | null; limit: number },
): Promise<ClientSuggestion[]> {
  const key = clientNameKey(text);
  let query = db
    .selectFrom('clients')
    .select(['id', 'name', 'tax_id'])
    .where((eb) =>
      eb.or([
        eb('name_key', 'like', `%${escapeLike(key)}%`),
        eb('tax_id', 'like', `${escapeLike(text.trim())}%`),
      ]),
    );
  if (options.repIds)
    query = query.where(
      'rep_id',
      'in',
      options.repIds.length ? options.repIds : ['00000000-0000-0000-0000-000000000000'],
    );
  const rows = await query.orderBy('name').limit(options.limit).execute();
  return rows.map(camelRow);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findClientById(db: Db, id: string): Promise<ClientRef | null> {
  return findClientBy(db, 'id', id);
}

export async function findClientByTaxId(db: Db, taxId: string): Promise<ClientRef | null> {
  return findClientBy(db, 'tax_id', taxId);
}

async function findClientBy(db: Db, column: 'id' | 'tax_id', value: string): Promise<ClientRef | null> {
  const r = await db
    .selectFrom('clients')
    .select(['id', 'name', 'tax_id', 'match_key', 'rep_id'])
    .where(column, '=', value)
    .executeTakeFirst();
  return r ? camelRow(r) : null;
}

export async function listClientIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('clients').select('id').execute()).map((r) => r.id);
}

/** The segment set on each of these clients (clients on the policy's default are absent). */
export async function findClientSegments(db: Db, clientIds: string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'segment'])
    .where('id', 'in', clientIds)
    .where('segment', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.segment!]));
}
