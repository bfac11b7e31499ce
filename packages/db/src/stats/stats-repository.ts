import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const STAT_FLAGS = ['payment_terms', 'deadline', 'sanctions', 'deflection'] as const;
export type StatFlag = (typeof STAT_FLAGS)[number];

/**
 * The count columns of `call_stats_daily`, derived from the flags (the migration that made the table
 * keeps its own frozen copy): per flag stated, all three, and per flag corrections (c_) / agreements (a_).
 */
const DAILY_COUNT_COLUMNS = [
  ...['analysed', 'failed', 'pending', ...STAT_FLAGS.slice(0, 3), 'all_three', 'deflection'],
  ...STAT_FLAGS.flatMap((f) => [`c_${f}`, `a_${f}`]),
];
export type StatsGroupBy = 'rep' | 'team' | 'week' | 'month';

/** Counts over one group of calls; shares are the caller's business (count / analysed). */
export interface TermCounts {
  analysed: number;
  /** Failed calls, counted apart: they are neither "stated" nor "missing". */
  failed: number;
  /** Not analysed yet (queued, processing, waiting for STT, transcribed). */
  pending: number;
  payment_terms: number;
  deadline: number;
  sanctions: number;
  allThree: number;
  deflection: number;
}

/** Managers' corrections on one flag among analysed calls: how many, and how many agreed with the machine. */
export interface FlagAgreement {
  corrections: number;
  agreements: number;
}

export interface TermStatsQuery {
  /** Company-local calendar days: the current period [from, to] and the previous one [previousFrom, from). */
  from: string;
  to: string;
  previousFrom: string;
  groupBy: StatsGroupBy;
  /** The reps in scope; null = everyone. */
  repIds: string[] | null;
  teamId?: string;
  callType?: string;
}

export interface TermStatsRow {
  period: 'current' | 'previous';
  /** rep id, team id (null: reps without a team), or the bucket's first day (YYYY-MM-DD) for week/month. */
  key: string | null;
  /** Monday (YYYY-MM-DD, company-local) of the calendar week the calls fall in. */
  week: string;
  counts: TermCounts;
  agreement: Record<StatFlag, FlagAgreement>;
}

const n = (v: unknown) => Number(v ?? 0);
const day = (expr: ReturnType<typeof sql>) => sql`to_char(${expr}, 'YYYY-MM-DD')`;

/**
 * One pass over the daily rollup `call_stats_daily` (rep × company-local day × call type, kept by
 * triggers — see the 0500 and 0510 migrations) for both periods, grouped by period × group × week;
 * the service folds weeks into groups and sparklines.
 */
export async function queryTermStats(db: Db, q: TermStatsQuery): Promise<TermStatsRow[]> {
  const week = day(sql`date_trunc('week', d.day::timestamp)`);
  const key =
    q.groupBy === 'rep'
      ? sql`d.rep_id::text`
      : q.groupBy === 'team'
        ? sql`u.team_id::text`
        : q.groupBy === 'week'
          ? week
          : day(sql`date_trunc('month', d.day::timestamp)`);
  const needsUsers = q.groupBy === 'team' || q.teamId !== undefined;
  const where = [sql`d.day >= ${q.previousFrom}::date`, sql`d.day <= ${q.to}::date`];
  if (q.repIds) where.push(sql`d.rep_id = any(${q.repIds}::uuid[])`);
  if (q.teamId) where.push(sql`u.team_id = ${q.teamId}::uuid`);
  if (q.callType) where.push(sql`d.call_type = ${q.callType}`);
  const sums = DAILY_COUNT_COLUMNS.map((c) => sql`sum(d.${sql.ref(c)}) as ${sql.ref(c)}`);

  const { rows } = await sql<Record<string, unknown>>`
    select case when d.day >= ${q.from}::date then 'current' else 'previous' end as period,
           ${key} as key,
           ${week} as week,
           ${sql.join(sums)}
    from call_stats_daily d
    ${needsUsers ? sql`join users u on u.id = d.rep_id` : sql``}
    where ${sql.join(where, sql` and `)}
    group by 1, 2, 3
  `.execute(db);

  return rows.map((r) => ({
    period: r.period as TermStatsRow['period'],
    key: (r.key as string | null) ?? null,
    week: r.week as string,
    counts: {
      analysed: n(r.analysed),
      failed: n(r.failed),
      pending: n(r.pending),
      payment_terms: n(r.payment_terms),
      deadline: n(r.deadline),
      sanctions: n(r.sanctions),
      allThree: n(r.all_three),
      deflection: n(r.deflection),
    },
    agreement: Object.fromEntries(
      STAT_FLAGS.map((f) => [f, { corrections: n(r[`c_${f}`]), agreements: n(r[`a_${f}`]) }]),
    ) as Record<StatFlag, FlagAgreement>,
  }));
}

/**
 * Makes the rollups' days those of `timeZone` (COMPANY_TIME_ZONE): a no-op when they already are,
 * otherwise one rebuild (call stats, and the per-client receivables rollups), under a lock so
 * concurrent callers rebuild once.
 */
export async function ensureStatsTimeZone(db: Kysely<Database>, timeZone: string): Promise<boolean> {
  const current = await sql<{ time_zone: string }>`select time_zone from stats_settings`.execute(db);
  if (current.rows[0]?.time_zone === timeZone) return false;
  await db.transaction().execute(async (trx) => {
    const locked = await sql<{ time_zone: string }>`select time_zone from stats_settings for update`.execute(
      trx,
    );
    if (locked.rows[0]?.time_zone === timeZone) return;
    await sql`update stats_settings set time_zone = ${timeZone}`.execute(trx);
    await sql`select rebuild_call_stats_daily()`.execute(trx);
    // "Not called since the promised day" counts company-local days too (promise_follow_ups).
    await sql`select rebuild_client_rollups()`.execute(trx);
  });
  return true;
}

/** Names for group keys: reps and teams by id. */
export async function findStatsLabels(
  db: Db,
  kind: 'rep' | 'team',
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows =
    kind === 'rep'
      ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
      : await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Recomputes `call_stats` and its daily rollup from calls, analyses and corrections (after a bulk load, or to repair). */
export async function rebuildCallStats(db: Db): Promise<void> {
  await sql`select rebuild_call_stats()`.execute(db);
}
