import pg from 'pg';
import type { Logger } from './deps.ts';
import { CallBusyError } from './errors.ts';

export interface CallLock {
  /** Runs `run` holding the call's lock; rejects with CallBusyError when another run holds it. */
  withLock<T>(callId: string, run: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * At most one run per call across all worker processes, guarded in Postgres. The queue's jobId dedup is
 * the first guard; this one holds when a stalled job is handed to a second worker while the first is in
 * fact still running (a blocked event loop, a network partition from Redis only). It is a session-level
 * advisory lock on a connection held for the run: when a worker dies, Postgres ends its session and
 * the lock goes with it — there is no lease to expire or clean up.
 *
 * The connections come from a small pool of their own (not the application's Kysely pool): they sit
 * idle for a whole run, and a checked-out pg client that the server drops (Postgres restart) emits an
 * 'error' nobody listens to — fatal for the process — unless, as here, we listen.
 *
 * Not for the embedded database (one connection): the in-process runner serialises runs per call itself.
 */
export function postgresCallLock(databaseUrl: string, log: Logger, maxConnections = 10): CallLock {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  pool.on('error', (err) => log.warn({ err: err.message }, 'call-lock connection error (idle)'));
  return {
    async withLock(callId, run) {
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
        log.warn({ callId, err: err.message }, 'call-lock connection lost; the lock is released');
      };
      client.on('error', onError);
      const key = `onterms:call:${callId}`;
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
          [key],
        );
        if (!rows[0]?.locked) throw new CallBusyError(callId);
        try {
          return await run();
        } finally {
          if (!broken)
            await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(onError);
        }
      } finally {
        client.off('error', onError);
        // A broken connection is destroyed rather than returned to the pool.
        client.release(broken ?? false);
      }
    },
    close: () => pool.end(),
  };
}
