import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OutcomeFigures {
  /** Invoices whose due date has passed and whose fate is known: paid (with the day) or still owed. */
  invoices: number;
  onTime: number;
  /** Share paid on time (null without invoices). */
  onTimeShare: number | null;
  /** Days late on average over those invoices: 0 when on time, so far when still owed. */
  avgDaysLate: number | null;
  clients: number;
}

export interface OutcomeGroup extends OutcomeFigures {
  key: string | null;
  label: string | null;
  promises: { total: number; kept: number; partlyKept: number; broken: number; open: number };
}

export interface OutcomeComparisonBucket extends OutcomeFigures {
  /** The clients behind the numbers (up to 200), for the drill-down. */
  clientList: { id: string; name: string; invoices: number; onTime: number }[];
}

export interface OutcomeReport {
  groups: OutcomeGroup[];
  /** Clients whose negotiation stated the payment terms, the deadline and the sanctions vs those whose did not. */
  comparison: { stated: OutcomeComparisonBucket; notStated: OutcomeComparisonBucket };
}

export interface OutcomeQuery {
  repIds: string[] | null;
  today: string;
  groupBy: 'rep' | 'team' | 'segment';
  /** Client → segment (from the credit policy), for groupBy segment. */
  segments: { clientId: string; segment: string }[];
}

/**
 * Did clients pay? Per rep, team or client segment: the share of matured invoices paid on time, days
 * late on average, and the promises' outcomes — and the comparison the product is built on: clients who
 * heard the terms and sanctions in their negotiation vs those who did not.
 */
export async function outcomeReport(db: Db, q: OutcomeQuery): Promise<OutcomeReport> {
  const scope = (rep: RawBuilder<unknown>) =>
    q.repIds === null ? sql`true` : q.repIds.length ? sql`${rep} = any(${q.repIds}::uuid[])` : sql`false`;
  const segments = JSON.stringify(q.segments.map((s) => ({ client_id: s.clientId, segment: s.segment })));
  const groupKey =
    q.groupBy === 'rep' ? sql`m.rep_id::text` : q.groupBy === 'team' ? sql`u.team_id::text` : sql`s.segment`;
  const groupLabel =
    q.groupBy === 'rep' ? sql`max(u.name)` : q.groupBy === 'team' ? sql`max(t.name)` : sql`max(s.segment)`;
  const matured = sql`
    select i.id, i.client_id, coalesce(i.rep_id, c.rep_id) as rep_id,
           (i.paid_on is not null and i.paid_on <= i.due_on) as on_time,
           greatest(0, coalesce(i.paid_on, ${q.today}::date) - i.due_on) as days_late
    from receivable_invoices i join clients c on c.id = i.client_id
    where i.due_on < ${q.today}::date and (i.balance > 0 or i.paid_on is not null)
      and ${scope(sql`coalesce(i.rep_id, c.rep_id)`)}
  `;
  const groups = await sql<{
    key: string | null;
    label: string | null;
    invoices: number;
    on_time: number;
    avg_days_late: string | null;
    clients: number;
  }>`
    with m as (${matured}),
    seg as (select * from jsonb_to_recordset(${segments}::jsonb) as x(client_id uuid, segment text))
    select ${groupKey} as key, ${groupLabel} as label, count(*)::int as invoices,
           count(*) filter (where m.on_time)::int as on_time, avg(m.days_late)::text as avg_days_late,
           count(distinct m.client_id)::int as clients
    from m
    left join users u on u.id = m.rep_id
    left join teams t on t.id = u.team_id
    left join seg s on s.client_id = m.client_id
    group by 1 order by 1 nulls last
  `.execute(db);

  const promiseKey =
    q.groupBy === 'rep' ? sql`k.rep_id::text` : q.groupBy === 'team' ? sql`u.team_id::text` : sql`s.segment`;
  const promises = await sql<{ key: string | null; status: string; n: number }>`
    with seg as (select * from jsonb_to_recordset(${segments}::jsonb) as x(client_id uuid, segment text))
    select ${promiseKey} as key, p.status, count(*)::int as n
    from payment_promises p
    join calls k on k.id = p.call_id
    left join users u on u.id = k.rep_id
    left join seg s on s.client_id = k.client_id
    where ${scope(sql`k.rep_id`)}
    group by 1, 2
  `.execute(db);

  const comparison = await sql<{
    stated: boolean;
    client_id: string;
    name: string;
    invoices: number;
    on_time: number;
    days_late: string;
  }>`
    with m as (${matured}),
    heard as (
      select k.client_id,
             bool_or(coalesce(pt.stated, false) and coalesce(dl.stated, false) and coalesce(sn.stated, false)) as stated
      from calls k
      left join effective_flags pt on pt.call_id = k.id and pt.flag = 'payment_terms'
      left join effective_flags dl on dl.call_id = k.id and dl.flag = 'deadline'
      left join effective_flags sn on sn.call_id = k.id and sn.flag = 'sanctions'
      where k.call_type = 'credit_negotiation' and k.status = 'analyzed' and k.client_id is not null
      group by k.client_id
    )
    select h.stated, m.client_id, c.name, count(*)::int as invoices, count(*) filter (where m.on_time)::int as on_time,
           sum(m.days_late)::text as days_late
    from m join heard h on h.client_id = m.client_id join clients c on c.id = m.client_id
    group by h.stated, m.client_id, c.name
    order by c.name
  `.execute(db);

  const bucket = (stated: boolean): OutcomeComparisonBucket => {
    const rows = comparison.rows.filter((r) => r.stated === stated);
    const invoices = rows.reduce((a, r) => a + r.invoices, 0);
    const onTime = rows.reduce((a, r) => a + r.on_time, 0);
    const daysLate = rows.reduce((a, r) => a + Number(r.days_late), 0);
    return {
      invoices,
      onTime,
      onTimeShare: invoices ? onTime / invoices : null,
      avgDaysLate: invoices ? daysLate / invoices : null,
      clients: rows.length,
      clientList: rows
        .slice(0, 200)
        .map((r) => ({ id: r.client_id, name: r.name, invoices: r.invoices, onTime: r.on_time })),
    };
  };

  const keys = new Set([...groups.rows.map((g) => g.key), ...promises.rows.map((p) => p.key)]);
  return {
    groups: [...keys].map((key) => {
      const g = groups.rows.find((r) => r.key === key);
      const count = (status: string) =>
        promises.rows.find((p) => p.key === key && p.status === status)?.n ?? 0;
      const invoices = g?.invoices ?? 0;
      return {
        key,
        label: g?.label ?? null,
        invoices,
        onTime: g?.on_time ?? 0,
        onTimeShare: invoices ? g!.on_time / invoices : null,
        avgDaysLate: g?.avg_days_late ? Number(g.avg_days_late) : null,
        clients: g?.clients ?? 0,
        promises: {
          total: ['kept', 'partly_kept', 'broken', 'open'].reduce((a, s) => a + count(s), 0),
          kept: count('kept'),
          partlyKept: count('partly_kept'),
          broken: count('broken'),
          open: count('open'),
        },
      };
    }),
    comparison: { stated: bucket(true), notStated: bucket(false) },
  };
}
