import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const STAT_FLAGS = ['payment_terms', 'deadline', 'sanctions', 'deflection'] as const;
export type StatFlag = (typeof STAT_FLAGS)[number];
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
  /** [from, to) of the current period and [previousFrom, from) of the previous one, as instants. */
  from: Date;
  to: Date;
  previousFrom: Date;
  groupBy: StatsGroupBy;
  /** IANA name: week and month boundaries are taken in this zone. */
  timeZone: string;
  /** The reps in scope; null = everyone. */
  repIds: string[] | null;
  teamId?: string;
  callType?: string;
}

export interface TermStatsRow {
  period: 'current' | 'previous';
  /** rep id, team id (null: reps without a team), or the bucket's start instant (ISO) for week/month. */
  key: string | null;
  /** Start of the calendar week (company time zone) the calls fall in, as an instant. */
  week: Date;
  counts: TermCounts;
  agreement: Record<StatFlag, FlagAgreement>;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * One scan of `call_stats` (kept by triggers, see the 0500 migration) over both periods, grouped by
 * period × group × calendar week; the service folds weeks into groups and sparklines.
 */
export async function queryTermStats(db: Db, q: TermStatsQuery): Promise<TermStatsRow[]> {
  const local = sql`(s.recorded_at at time zone ${q.timeZone})`;
  const bucket = (unit: 'week' | 'month') => sql`(date_trunc(${unit}, ${local}) at time zone ${q.timeZone})`;
  const key =
    q.groupBy === 'rep'
      ? sql`s.rep_id::text`
      : q.groupBy === 'team'
        ? sql`u.team_id::text`
        : sql`to_char(${bucket(q.groupBy)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  const needsUsers = q.groupBy === 'team' || q.teamId !== undefined;
  const where = [sql`s.recorded_at >= ${q.previousFrom}`, sql`s.recorded_at < ${q.to}`];
  if (q.repIds) where.push(sql`s.rep_id = any(${q.repIds}::uuid[])`);
  if (q.teamId) where.push(sql`u.team_id = ${q.teamId}::uuid`);
  if (q.callType) where.push(sql`s.call_type = ${q.callType}`);
  const agree = (flag: StatFlag) => sql.raw(`agree_${flag}`);
  const ok = sql`s.status = 'analyzed'`;

  const { rows } = await sql<Record<string, unknown>>`
    select case when s.recorded_at >= ${q.from} then 'current' else 'previous' end as period,
           ${key} as key,
           ${bucket('week')} as week,
           count(*) filter (where ${ok}) as analysed,
           count(*) filter (where s.status = 'failed') as failed,
           count(*) filter (where s.status not in ('analyzed', 'failed')) as pending,
           count(*) filter (where ${ok} and s.payment_terms) as payment_terms,
           count(*) filter (where ${ok} and s.deadline) as deadline,
           count(*) filter (where ${ok} and s.sanctions) as sanctions,
           count(*) filter (where ${ok} and s.payment_terms and s.deadline and s.sanctions) as all_three,
           count(*) filter (where ${ok} and s.deflection) as deflection,
           ${sql.join(
             STAT_FLAGS.map(
               (f) => sql`count(*) filter (where ${ok} and ${agree(f)} is not null) as ${sql.ref(`c_${f}`)},
                 count(*) filter (where ${ok} and ${agree(f)}) as ${sql.ref(`a_${f}`)}`,
             ),
           )}
    from call_stats s
    ${needsUsers ? sql`join users u on u.id = s.rep_id` : sql``}
    where ${sql.join(where, sql` and `)}
    group by 1, 2, 3
  `.execute(db);

  return rows.map((r) => ({
    period: r.period as TermStatsRow['period'],
    key: (r.key as string | null) ?? null,
    week: new Date(r.week as string | Date),
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

/** Recomputes `call_stats` from calls, analyses and corrections (after a bulk load, or to repair). */
export async function rebuildCallStats(db: Db): Promise<void> {
  await sql`select rebuild_call_stats()`.execute(db);
}
