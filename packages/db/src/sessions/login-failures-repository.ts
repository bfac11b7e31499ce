import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Failed logins, counted per key (`account:<email>`, `ip:<address>`) in the database so the limit
 * holds across API instances and in the embedded mode alike.
 */
export async function recordLoginFailure(db: Db, keys: string[], at: Date): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

/** Failures per key since `since`, and the oldest of them (to say when the next try is allowed). */
export async function countLoginFailures(
  db: Db,
  keys: string[],
  since: Date,
): Promise<Map<string, { count: number; oldest: Date }>> {
  const result = new Map<string, { count: number; oldest: Date }>();
  if (keys.length === 0) return result;
  const rows = await db
    .selectFrom('login_failures')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('at').as('oldest')])
    .where('key', 'in', keys)
    .where('at', '>=', since)
    .groupBy('key')
    .execute();
  for (const row of rows) result.set(row.key, { count: Number(row.n), oldest: new Date(row.oldest as Date) });
  return result;
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function pruneLoginFailures(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}
