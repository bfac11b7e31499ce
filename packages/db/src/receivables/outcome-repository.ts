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
 *
 * Reads the per-client rollups the triggers keep (migration 1300): O(clients in scope) plus the invoices
 * not yet due, whose figures are taken back out (they have not matured; an index-only scan from today).
 */
export async function outcomeReport(db: Db, q: OutcomeQuery): Promise<OutcomeReport> {
  const scope = (rep: RawBuilder<unknown>) =>
    q.repIds === null ? sql`true` : q.repIds.length ? sql`${rep} = any(${q.repIds}::uuid[])` : sql`false`;
  const segments = JSON.stringify(q.segments.map((s) => ({ client_id: s.clientId, segment: s.segment })));
  const by = (rep: RawBuilder<unknown>) =>
    q.groupBy === 'rep'
      ? { key: sql`${rep}::text`, label: sql`max(u.name)` }
      : q.groupBy === 'team'
        ? { key: sql`u.team_id::text`, label: sql`max(t.name)` }
        : { key: sql`s.segment`, label: sql`max(s.segment)` };
  const invoiceGroup = by(sql`m.rep_id`);
  const promiseGroup = by(sql`p.rep_id`);

  // Invoice figures: 'group' rows per group, 'total' rows per comparison bucket (key: stated), 'client'
  // rows for the first 200 clients of each bucket by name.
  const figuresQuery = sql<{
    part: 'group' | 'total' | 'client';
    key: string | null;
    label: string | null;
    client_id: string | null;
    invoices: number;
    on_time: number;
    days_late: string;
    clients: number;
  }>`
    with not_due as (
      select i.client_id, i.rep_id,
             count(*) filter (where i.balance > 0) as open_n,
             coalesce(sum(i.due_on - date '2000-01-01') filter (where i.balance > 0), 0) as open_due_days,
             count(*) filter (where i.paid_on is not null) as paid_n,
             count(*) filter (where i.paid_on <= i.due_on) as paid_on_time,
             coalesce(sum(greatest(0, i.paid_on - i.due_on)) filter (where i.paid_on is not null), 0) as paid_days_late
      from receivable_invoices i
      where i.due_on >= ${q.today}::date
      group by 1, 2
    ),
    m as materialized (
      select r.client_id, coalesce(r.rep_id, c.rep_id) as rep_id,
             (r.open_invoices - coalesce(f.open_n, 0)) + (r.paid_invoices - coalesce(f.paid_n, 0)) as invoices,
             r.paid_on_time - coalesce(f.paid_on_time, 0) as on_time,
             (r.open_invoices - coalesce(f.open_n, 0)) * (${q.today}::date - date '2000-01-01')
               - (r.open_due_days - coalesce(f.open_due_days, 0))
               + (r.paid_days_late - coalesce(f.paid_days_late, 0)) as days_late
      from client_invoice_rollups r
      join clients c on c.id = r.client_id
      left join not_due f on f.client_id = r.client_id and f.rep_id is not distinct from r.rep_id
      where ${scope(sql`coalesce(r.rep_id, c.rep_id)`)}
    ),
    seg as (select * from jsonb_to_recordset(${segments}::jsonb) as x(client_id uuid, segment text)),
    per_client as materialized (
      select m.client_id, bool_or(a.negotiations_stated > 0) as stated, sum(m.invoices) as invoices,
             sum(m.on_time) as on_time, sum(m.days_late) as days_late
      from m
      join client_rollups a on a.client_id = m.client_id and a.negotiations > 0
      where m.invoices > 0
      group by m.client_id
    ),
    -- per group and client first (hash aggregates), so clients are counted without a sort
    by_client as (
      select ${invoiceGroup.key} as key, ${invoiceGroup.label} as label, m.client_id,
             sum(m.invoices) as invoices, sum(m.on_time) as on_time, sum(m.days_late) as days_late
      from m
      left join users u on u.id = m.rep_id
      left join teams t on t.id = u.team_id
      left join seg s on s.client_id = m.client_id
      where m.invoices > 0
      group by 1, m.client_id
    ),
    listed as (
      select c.name, p.* from per_client p join clients c on c.id = p.client_id
    )
    select 'group' as part, key, max(label) as label, null::uuid as client_id, sum(invoices)::int as invoices,
           sum(on_time)::int as on_time, sum(days_late)::text as days_late, count(*)::int as clients
    from by_client group by key
    union all
    select 'total', stated::text, null, null, sum(invoices)::int, sum(on_time)::int, sum(days_late)::text, count(*)::int
    from per_client group by stated
    union all
    (select 'client', 'true', name, client_id, invoices::int, on_time::int, days_late::text, 1
     from listed where stated order by name, client_id limit 200)
    union all
    (select 'client', 'false', name, client_id, invoices::int, on_time::int, days_late::text, 1
     from listed where not stated order by name, client_id limit 200)
  `;

  const promisesQuery = sql<{
    key: string | null;
    kept: number;
    partly_kept: number;
    broken: number;
    open: number;
  }>`
    with seg as (select * from jsonb_to_recordset(${segments}::jsonb) as x(client_id uuid, segment text))
    select ${promiseGroup.key} as key, sum(p.kept)::int as kept, sum(p.partly_kept)::int as partly_kept,
           sum(p.broken)::int as broken, sum(p.open)::int as open
    from client_promise_rollups p
    left join users u on u.id = p.rep_id
    left join seg s on s.client_id = p.client_id
    where ${scope(sql`p.rep_id`)}
    group by 1
  `;
  // Two connections: the figures and the promises are read side by side.
  const [figures, promises] = await Promise.all([figuresQuery.execute(db), promisesQuery.execute(db)]);

  const groups = figures.rows.filter((r) => r.part === 'group');
  const bucket = (stated: boolean): OutcomeComparisonBucket => {
    const total = figures.rows.find((r) => r.part === 'total' && r.key === String(stated));
    const invoices = total?.invoices ?? 0;
    return {
      invoices,
      onTime: total?.on_time ?? 0,
      onTimeShare: invoices ? total!.on_time / invoices : null,
      avgDaysLate: invoices ? Number(total!.days_late) / invoices : null,
      clients: total?.clients ?? 0,
      clientList: figures.rows
        .filter((r) => r.part === 'client' && r.key === String(stated))
        .map((r) => ({ id: r.client_id!, name: r.label ?? '', invoices: r.invoices, onTime: r.on_time })),
    };
  };

  const keys = new Set([...groups.map((g) => g.key), ...promises.rows.map((p) => p.key)]);
  return {
    groups: [...keys]
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map((key) => {
        const g = groups.find((r) => r.key === key);
        const p = promises.rows.find((r) => r.key === key);
        const invoices = g?.invoices ?? 0;
        return {
          key,
          label: g?.label ?? null,
          invoices,
          onTime: g?.on_time ?? 0,
          onTimeShare: invoices ? g!.on_time / invoices : null,
          avgDaysLate: invoices ? Number(g!.days_late) / invoices : null,
          clients: g?.clients ?? 0,
          promises: {
            total: (p?.kept ?? 0) + (p?.partly_kept ?? 0) + (p?.broken ?? 0) + (p?.open ?? 0),
            kept: p?.kept ?? 0,
            partlyKept: p?.partly_kept ?? 0,
            broken: p?.broken ?? 0,
            open: p?.open ?? 0,
          },
        };
      }),
    comparison: { stated: bucket(true), notStated: bucket(false) },
  };
}
