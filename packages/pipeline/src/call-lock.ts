import type { Database } from '@onterms/db';
import { sql, type Kysely } from 'kysely';
import { CallBusyError } from './errors.ts';

/**
 * At most one run per call across all worker processes, guarded in Postgres (the queue's jobId dedup is
 * the first guard; this is the one that holds when a stalled job is handed to a second worker while the
 * first is in fact still running). A session-level advisory lock on a connection held for the run:
 * if the worker dies, Postgres ends its session and the lock goes with it — no lease to expire.
 *
 * Not for the embedded database (one connection in the pool): the in-process runner serialises runs
 * per call in memory instead.
 */
export async function withCallLock<T>(db: Kysely<Database>, callId: string, run: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtextextended(${`onterms:call:${callId}`}, 0)`;
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!rows[0]?.locked) throw new CallBusyError(callId);
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}
