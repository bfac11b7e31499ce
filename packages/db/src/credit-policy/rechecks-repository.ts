import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, PolicyRechecksTable } from '../database.ts';
import type { ChecklistCallType } from './checklists-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface RecheckRun {
  id: string;
  total: number;
  done: number;
  status: 'running' | 'done' | 'superseded';
  startedAt: Date;
  finishedAt: Date | null;
}
/** A run re-checking every analysed call against a published policy version. */
export interface PolicyRecheck extends RecheckRun {
  kind: 'policy';
  policyVersion: number;
}
/** A run re-analysing the analysed calls of one call type with a published company checklist version. */
export interface ChecklistRecheck extends RecheckRun {
  kind: 'checklist';
  callType: ChecklistCallType;
  checklistVersion: number;
}
export type Recheck = PolicyRecheck | ChecklistRecheck;

type Row = {
  id: string;
  policy_version: number | null;
  call_type: ChecklistCallType | null;
  checklist_version: number | null;
  total: number;
  done: number;
  status: RecheckRun['status'];
  started_at: Date;
  finished_at: Date | null;
};

function toRecheck(r: Row): Recheck {
  const run = {
    id: r.id,
    total: r.total,
    done: r.done,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
  // the table's check constraint: a policy version, or a call type and a checklist version
  return r.policy_version !== null
    ? { ...run, kind: 'policy', policyVersion: r.policy_version }
    : { ...run, kind: 'checklist', callType: r.call_type!, checklistVersion: r.checklist_version! };
}

/** Starts a re-check run for a policy version; earlier running policy runs are superseded. */
export async function startRecheck(db: Db, policyVersion: number, total: number): Promise<PolicyRecheck> {
  return (await startRun(db, { policy_version: policyVersion, total })) as PolicyRecheck;
}

/** Starts a re-analysis run for a checklist version; earlier running runs of its call type are superseded. */
export async function startChecklistRecheck(
  db: Db,
  callType: ChecklistCallType,
  checklistVersion: number,
  total: number,
): Promise<ChecklistRecheck> {
  return (await startRun(db, {
    call_type: callType,
    checklist_version: checklistVersion,
    total,
  })) as ChecklistRecheck;
}

/** Supersedes the running runs of the same kind (policy runs, or runs of the call type), then starts this one. */
async function startRun(db: Db, run: Insertable<PolicyRechecksTable>): Promise<Recheck> {
  const { call_type: callType } = run;
  await db
    .updateTable('policy_rechecks')
    .set({ status: 'superseded', finished_at: sql`now()` })
    .where('status', '=', 'running')
    .where((eb) => (callType ? eb('call_type', '=', callType) : eb('policy_version', 'is not', null)))
    .execute();
  return toRecheck(
    await db.insertInto('policy_rechecks').values(run).returningAll().executeTakeFirstOrThrow(),
  );
}

export async function findRecheck(db: Db, id: string): Promise<Recheck | null> {
  const row = await db.selectFrom('policy_rechecks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecheck(row) : null;
}

/** The latest policy re-check run (null before the first publish). */
export async function latestRecheck(db: Db): Promise<PolicyRecheck | null> {
  const row = await db
    .selectFrom('policy_rechecks')
    .selectAll()
    .where('policy_version', 'is not', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (toRecheck(row) as PolicyRecheck) : null;
}

/** The latest checklist re-analysis run of each call type that has one. */
export async function latestChecklistRechecks(db: Db): Promise<ChecklistRecheck[]> {
  const rows = await db
    .selectFrom('policy_rechecks')
    .selectAll()
    .distinctOn('call_type')
    .where('call_type', 'is not', null)
    .orderBy('call_type')
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map((r) => toRecheck(r) as ChecklistRecheck);
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

/** Runs still going, of either kind (to resume at start in embedded mode). */
export async function listRunningRecheckIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('policy_rechecks').select('id').where('status', '=', 'running').execute();
  return rows.map((r) => r.id);
}
