import { sql, type Kysely, type Transaction } from 'kysely';
import type { CreditPolicy } from '@onterms/contracts';
import type { Database } from '../database.ts';
import { PUBLISHED_VERSION_COLUMNS, toPublishedVersion } from './published-version.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A published version of the company's credit policy, with who published it. */
export interface PolicyVersion {
  version: number;
  policyId: string;
  document: CreditPolicy;
  publishedAt: Date;
  publishedBy: { id: string; name: string } | null;
  note: string | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('credit_policy_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select([...PUBLISHED_VERSION_COLUMNS, 'v.policy_id', 'v.note']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toVersion = (r: Row): PolicyVersion => ({
  ...toPublishedVersion(r),
  policyId: r.policy_id,
  document: r.document as CreditPolicy,
  note: r.note,
});

/** The version calls are checked against now: the latest published; null before the first publish. */
export async function findCurrentPolicy(db: Db): Promise<PolicyVersion | null> {
  const row = await baseQuery(db).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function findPolicyVersion(db: Db, version: number): Promise<PolicyVersion | null> {
  const row = await baseQuery(db).where('v.version', '=', version).executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Every published version, newest first. */
export async function listPolicyVersions(db: Db): Promise<PolicyVersion[]> {
  return (await baseQuery(db).orderBy('v.version', 'desc').execute()).map(toVersion);
}

/**
 * Serialises publishers for the rest of the transaction: the next version number is read and written
 * by one publisher at a time (the primary key would refuse a duplicate anyway).
 */
export async function lockPolicyPublishing(trx: Transaction<Database>): Promise<void> {
  await sql`lock table credit_policy_versions in share row exclusive mode`.execute(trx);
}

export async function insertPolicyVersion(
  trx: Transaction<Database>,
  v: { document: CreditPolicy; publishedBy: string | null; note: string | null },
): Promise<void> {
  await trx
    .insertInto('credit_policy_versions')
    .values({
      version: v.document.version,
      policy_id: v.document.id,
      document: JSON.stringify(v.document),
      published_by: v.publishedBy,
      note: v.note,
    })
    .execute();
}
