import { sql, type Kysely, type SelectQueryBuilder, type StringReference, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RecheckProgress {
  total: number;
  done: number;
}

/**
 * What a recheck of stored calls counts (a new checklist re-analyses them, a new credit policy
 * re-checks them): only analysed calls (`c`) take part. Join where the recheck leaves its stamp, then
 * hand the query to {@link countRecheckProgress}.
 */
export function analysedCalls(db: Db) {
  return db.selectFrom('calls as c').where('c.status', '=', 'analyzed');
}

/**
 * `total`: the calls the query reads; `done`: those whose `stamp` (the version they were last
 * analysed or checked with) is `version` or newer. A call not stamped yet reads null there, so a
 * left join counts it as not done.
 */
export async function countRecheckProgress<DB, TB extends keyof DB>(
  calls: SelectQueryBuilder<DB, TB, object>,
  stamp: StringReference<DB, TB>,
  version: number,
): Promise<RecheckProgress> {
  const row = await calls
    .select([
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where ${sql.ref(stamp)} >= ${version})`.as('done'),
    ])
    // the query's own columns are generic here; these two are the only ones selected
    .$castTo<{ total: string; done: string }>()
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), done: Number(row.done) };
}
