import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PolicyRecheck {
  id: string;
  policyVersion: number;
  total: number;
  done: number;
  status: 'running' | 'done' | 'superseded';
  startedAt: Date;
  finishedAt: Date | null;
}

const toRecheck = (r: {
  id: string;
  policy_version: number;
  total: number;
  done: number;
  status: PolicyRecheck['status'];
  started_at: Date;
  finished_at: Date | null;
}): PolicyRecheck => ({
  id: r.id,
  policyVersion: r.policy_version,
  total: r.total,
  done: r.done,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** Starts a re-check run for a version; earlier running runs are superseded (their version is old). */
export async function startRecheck(db: Db, policyVersion: number, total: number): Promise<PolicyRecheck> {
  await db
    .updateTable('policy_rechecks')
    .set({ status: 'superseded', finished_at: sql`now()` })
    .where('status', '=', 'running')
    .execute();
  const row = await db
    .insertInto('policy_rechecks')
    .values({ policy_version: policyVersion, total })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecheck(row);
}

export async function findRecheck(db: Db, id: string): Promise<PolicyRecheck | null> {
  const row = await db.selectFrom('policy_rechecks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecheck(row) : null;
}

export async function latestRecheck(db: Db): Promise<PolicyRecheck | null> {
  const row = await db
    .selectFrom('policy_rechecks')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRecheck(row) : null;
}

/** Records progress; `finished` closes a running run (a superseded one stays superseded). */
export async function recordRecheckProgress(
  db: Db,
  id: string,
  progress: { done: number; total: number; finished: boolean },
): Promise<void> {
  await db
    .updateTable('policy_rechecks')
    .set({
      done: progress.done,
      total: progress.total,
      ...(progress.finished ? { status: 'done' as const, finished_at: sql`now()` } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** Runs still going (to resume at start in embedded mode). */
export async function listRunningRecheckIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('policy_rechecks').select('id').where('status', '=', 'running').execute();
  return rows.map((r) => r.id);
}
