import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A hand-made mapping of a report layout: field name → header text. */
export type SavedColumnMapping = Record<string, string>;

export async function listColumnMappings(db: Db): Promise<Map<string, SavedColumnMapping>> {
  const rows = await db.selectFrom('receivable_column_mappings').select(['signature', 'mapping']).execute();
  return new Map(rows.map((r) => [r.signature, r.mapping as SavedColumnMapping]));
}

export async function saveColumnMapping(
  db: Db,
  signature: string,
  mapping: SavedColumnMapping,
  createdBy: string | null,
): Promise<void> {
  await db
    .insertInto('receivable_column_mappings')
    .values({ signature, mapping: JSON.stringify(mapping), created_by: createdBy })
    .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping: JSON.stringify(mapping) }))
    .execute();
}
