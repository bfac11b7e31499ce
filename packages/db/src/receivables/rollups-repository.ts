import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Recomputes every client's rollups (client_rollups, client_invoice_rollups, client_promise_rollups,
 * promise_follow_ups) from the source tables. The triggers keep them current on every write; this is
 * for a bulk load made with triggers off, and for checking the triggers.
 */
export async function rebuildClientRollups(db: Db): Promise<void> {
  await sql`select rebuild_client_rollups()`.execute(db);
}
