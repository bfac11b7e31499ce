import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { camelRow } from '../rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PolicyBreachRow {
  callId: string;
  recordedAt: Date;
  repId: string;
  repName: string;
  clientName: string | null;
  policyVersion: number;
  breaches: number;
  omissions: number;
  kinds: string[];
}

/**
 * Analysed calls with at least one policy breach, newest first, among `repIds` (null: every rep).
 * `unreviewed`: only calls no manager has reviewed yet (the manager's «Нарушения политики» queue).
 */
export async function listPolicyBreaches(
  db: Db,
  options: { repIds: string[] | null; unreviewed?: boolean; limit?: number },
): Promise<PolicyBreachRow[]> {
  if (options.repIds && options.repIds.length === 0) return [];
  let query = analysedChecks(db, options.repIds)
    .leftJoin('clients as cl', 'cl.id', 'c.client_id')
    .select([
      'c.id as call_id',
      'c.recorded_at',
      'c.rep_id',
      'u.name as rep_name',
      'cl.name as client_name',
      'k.policy_version',
      'k.breaches',
      'k.omissions',
      sql<
        string[]
      >`array(select distinct f.kind from call_policy_findings f where f.call_id = k.call_id order by 1)`.as(
        'kinds',
      ),
    ])
    .where('k.breaches', '>', 0)
    .orderBy('c.recorded_at', 'desc')
    .limit(options.limit ?? 100);
  if (options.unreviewed) query = query.where('c.reviewed_at', 'is', null);
  return (await query.execute()).map(camelRow);
}

export interface PolicyStatsRow {
  key: string | null;
  label: string | null;
  checked: number;
  callsWithBreaches: number;
  breaches: number;
  omissions: number;
  byKind: Record<string, number>;
}

/**
 * Breaches of the credit policy per rep, team or week (company time zone) over calls recorded in
 * [from, to), among `repIds` (null: every rep). Counts what each call's stored check found.
 */
export async function queryPolicyStats(
  db: Db,
  options: {
    repIds: string[] | null;
    from: Date;
    to: Date;
    groupBy: 'rep' | 'team' | 'week';
    timeZone: string;
  },
): Promise<PolicyStatsRow[]> {
  if (options.repIds && options.repIds.length === 0) return [];
  const key =
    options.groupBy === 'rep'
      ? sql<string | null>`c.rep_id::text`
      : options.groupBy === 'team'
        ? sql<string | null>`u.team_id::text`
        : sql<
            string | null
          >`to_char(date_trunc('week', c.recorded_at at time zone ${options.timeZone}), 'YYYY-MM-DD')`;
  const label =
    options.groupBy === 'rep'
      ? sql<string | null>`min(u.name)`
      : options.groupBy === 'team'
        ? sql<string | null>`min(t.name)`
        : sql<string | null>`${key}`;
  const query = analysedChecks(db, options.repIds)
    .leftJoin('teams as t', 't.id', 'u.team_id')
    // per kind: an outer aggregate (the group's call ids) inside the subquery
    .select([
      key.as('key'),
      label.as('label'),
      sql<string>`count(*)`.as('checked'),
      sql<string>`count(*) filter (where k.breaches > 0)`.as('with_breaches'),
      sql<string>`coalesce(sum(k.breaches), 0)`.as('breaches'),
      sql<string>`coalesce(sum(k.omissions), 0)`.as('omissions'),
      sql<Record<string, number> | null>`(select jsonb_object_agg(kind, n) from (
          select f.kind, count(*)::int as n from call_policy_findings f
          where f.call_id = any(array_agg(k.call_id)) group by f.kind) per_kind)`.as('by_kind'),
    ])
    .where('c.recorded_at', '>=', options.from)
    .where('c.recorded_at', '<', options.to)
    .groupBy(key)
    .orderBy(key);
  return (await query.execute()).map((r) => ({
    key: r.key,
    label: r.label,
    checked: Number(r.checked),
    callsWithBreaches: Number(r.with_breaches),
    breaches: Number(r.breaches),
    omissions: Number(r.omissions),
    byKind: r.by_kind ?? {},
  }));
}

/** The stored checks (`k`) of analysed calls (`c`) by `repIds` (null: every rep), with the rep (`u`). */
function analysedChecks(db: Db, repIds: string[] | null) {
  const query = db
    .selectFrom('call_policy_checks as k')
    .innerJoin('calls as c', 'c.id', 'k.call_id')
    .innerJoin('users as u', 'u.id', 'c.rep_id')
    .where('c.status', '=', 'analyzed');
  return repIds ? query.where('c.rep_id', 'in', repIds) : query;
}

/** Analysed calls whose stored check is older than `version` (or missing): a re-check is due. */
export async function countOutdatedChecks(db: Db, version: number): Promise<number> {
  const row = await db
    .selectFrom('calls as c')
    .leftJoin('call_policy_checks as k', 'k.call_id', 'c.id')
    .select(sql<string>`count(*)`.as('n'))
    .where('c.status', '=', 'analyzed')
    .where((eb) => eb.or([eb('k.call_id', 'is', null), eb('k.policy_version', '<', version)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
