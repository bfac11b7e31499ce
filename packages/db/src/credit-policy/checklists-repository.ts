import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { PUBLISHED_VERSION_COLUMNS, toPublishedVersion } from './published-version.ts';
import { analysedCalls, countRecheckProgress, type RecheckProgress } from './recheck-progress.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ChecklistCallType = 'credit_negotiation' | 'collection';

/** A published company checklist version for one call type (never updated or deleted). */
export interface ChecklistVersion {
  callType: ChecklistCallType;
  version: number;
  document: Record<string, unknown>;
  publishedAt: Date;
  publishedBy: { id: string; name: string } | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('company_checklist_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select([...PUBLISHED_VERSION_COLUMNS, 'v.call_type']);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toVersion = (r: Row): ChecklistVersion => ({
  callType: r.call_type,
  ...toPublishedVersion(r),
  document: r.document as Record<string, unknown>,
});

/** The company checklist calls of this type are analysed with now; null: the default checklist. */
export async function findCurrentChecklist(
  db: Db,
  callType: ChecklistCallType,
): Promise<ChecklistVersion | null> {
  const row = await baseQuery(db)
    .where('v.call_type', '=', callType)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Every published company checklist version, newest first. */
export async function listChecklistVersions(db: Db): Promise<ChecklistVersion[]> {
  return (await baseQuery(db).orderBy('v.call_type').orderBy('v.version', 'desc').execute()).map(toVersion);
}

export async function insertChecklistVersion(
  trx: Transaction<Database>,
  v: {
    callType: ChecklistCallType;
    version: number;
    document: Record<string, unknown>;
    publishedBy: string | null;
  },
): Promise<void> {
  // one publisher at a time per table: the next number is read and written under the lock
  await sql`lock table company_checklist_versions in share row exclusive mode`.execute(trx);
  await trx
    .insertInto('company_checklist_versions')
    .values({
      call_type: v.callType,
      version: v.version,
      document: JSON.stringify(v.document),
      published_by: v.publishedBy,
    })
    .execute();
}

/**
 * Analysed calls of a type whose analysis used an older company checklist than `version` (or the
 * default one), by id after `after`: a checklist re-check's cursor is the data itself, so a run
 * killed mid-way resumes where the rows say it stopped.
 */
export async function callsNotAnalysedWith(
  db: Db,
  options: { callType: ChecklistCallType; version: number; after: string | null; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom('calls as c')
    .innerJoin('analyses as a', 'a.call_id', 'c.id')
    .select('c.id')
    .where('c.status', '=', 'analyzed')
    .where('c.call_type', '=', options.callType)
    .where((eb) =>
      eb.or([
        eb('a.company_checklist_version', 'is', null),
        eb('a.company_checklist_version', '<', options.version),
      ]),
    )
    .orderBy('c.id')
    .limit(options.limit);
  if (options.after) query = query.where('c.id', '>', options.after);
  return (await query.execute()).map((r) => r.id);
}

/** How many analysed calls of a type there are, and how many were analysed with `version` (or newer). */
export async function checklistAnalysisProgress(
  db: Db,
  callType: ChecklistCallType,
  version: number,
): Promise<RecheckProgress> {
  return countRecheckProgress(
    analysedCalls(db).innerJoin('analyses as a', 'a.call_id', 'c.id').where('c.call_type', '=', callType),
    'a.company_checklist_version',
    version,
  );
}
