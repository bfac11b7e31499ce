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
