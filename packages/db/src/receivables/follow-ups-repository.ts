import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type FollowUpKind = 'overdue_no_call' | 'broken_promise' | 'negotiation_overdue';

export interface FollowUpItem {
  /** Stable across requests: what a snooze refers to. */
  key: string;
  kind: FollowUpKind;
  client: { id: string; name: string };
  rep: { id: string; name: string } | null;
  invoice: { id: string; number: string; dueOn: string; balance: number; currency: string } | null;
  daysLate: number | null;
  /** The client's first late payment ever: the one that teaches them whether anyone follows up. */
  firstDelay: boolean;
  call: { id: string; recordedAt: Date; callType: 'credit_negotiation' | 'collection' } | null;
  promise: {
    dueOn: string | null;
    amount: number | null;
    full: boolean;
    status: string;
    paid: number | null;
  } | null;
  lastCallAt: Date | null;
}

export interface FollowUpQuery {
  /** The reps whose clients and calls are in scope; null: everyone. */
  repIds: string[] | null;
  /** Today where the company is (YYYY-MM-DD). */
  today: string;
  now: Date;
  /** Days an overdue client may go without a call: the setting … */
  defaultDays: number;
  /**
   * … or the client's policy segment's (its own segment if the policy has it, else the default): null
   * without a published policy.
   */
  followUpDays: { segments: { segment: string; days: number | null }[]; defaultSegment: string } | null;
  /** A negotiation this recent with a client who is overdue is a follow-up. */
  negotiationWindowDays: number;
  limit: number;
}

/**
 * The open follow-ups, computed from the current state rather than stored, so an item closes by itself
 * the moment its reason goes away — a call to the client is recorded, the invoice is paid — and nothing
 * has to remember to close it. Snoozed items stay out until their date.
 *
 * Reads the per-client rollups the triggers keep (migration 1300), so the work grows with the clients in
 * scope, not with their invoices: the queue is sorted by (first delay, kind, days late), and the oldest
 * `limit` open invoices can only belong to the `limit` clients whose oldest open invoice is oldest, so
 * only those clients' invoices are read.
 */
export async function listFollowUps(db: Db, q: FollowUpQuery): Promise<FollowUpItem[]> {
  const scope = (rep: RawBuilder<unknown>) =>
    q.repIds === null ? sql`true` : q.repIds.length ? sql`${rep} = any(${q.repIds}::uuid[])` : sql`false`;
  const days = JSON.stringify(q.followUpDays?.segments ?? []);
  const defaultSegment = q.followUpDays?.defaultSegment ?? null;
  // Snoozed items are dropped after the limit is taken: read as many more as there are snoozes.
  const snoozed = await sql<{ n: number }>`
    select count(*)::int as n from follow_up_snoozes where until > ${q.now}::timestamptz
  `.execute(db);
  const reach = q.limit + (snoozed.rows[0]?.n ?? 0);
  const rows = await sql<Row>`
    with segments as (
      select * from jsonb_to_recordset(${days}::jsonb) as s(segment text, days int)
    ),
    -- Clients (× the rep whose scope their invoices are in) owing past due with no call for N days.
    due as materialized (
      select r.client_id, coalesce(c.rep_id, r.rep_id) as rep_id, r.first_open_due_on,
             a.first_open_due_on = r.first_open_due_on
               and a.first_open_due_on <= coalesce(a.first_paid_late_due_on, a.first_open_due_on) as has_first_delay
      from client_invoice_rollups r
      join clients c on c.id = r.client_id
      join client_rollups a on a.client_id = r.client_id
      left join segments own on own.segment = c.segment
      left join segments fallback on fallback.segment = ${defaultSegment}::text
      where r.open_invoices > 0 and r.first_open_due_on < ${q.today}::date
        and ${scope(sql`coalesce(c.rep_id, r.rep_id)`)}
        and (a.last_call_at is null
             or a.last_call_at < ${q.now}::timestamptz - make_interval(days => coalesce(
               case when own.segment is not null then own.days else fallback.days end, ${q.defaultDays}::int)))
    ),
    -- The oldest open invoice of the reach-th client bounds the days late worth reading.
    bound as (
      select max(first_open_due_on) as due_by
      from (select first_open_due_on from due order by first_open_due_on limit ${reach}) b
    ),
    first_delays as (
      select client_id, rep_id, first_open_due_on as due_by
      from due where has_first_delay order by first_open_due_on limit ${reach}
    ),
    oldest as (
      select d.client_id, d.rep_id, bound.due_by from due d, bound where d.first_open_due_on <= bound.due_by
    ),
    picked as (
      select client_id, rep_id, max(due_by) as due_by
      from (select * from first_delays union all select * from oldest) p group by 1, 2
    ),
    overdue as (
      select 'overdue:' || i.id as key, 'overdue_no_call'::text as kind, c.id as client_id, c.name as client_name,
             p.rep_id, i.id as invoice_id, i.number, i.due_on, i.balance, i.currency,
             (${q.today}::date - i.due_on) as days_late,
             (i.due_on = a.first_open_due_on and i.due_on <= coalesce(a.first_paid_late_due_on, i.due_on)) as first_delay,
             null::uuid as call_id, null::timestamptz as recorded_at, null::text as call_type,
             null::date as promise_due_on, null::numeric as promise_amount, null::boolean as promise_full,
             null::text as promise_status, null::numeric as promise_paid, a.last_call_at
      from picked p
      join clients c on c.id = p.client_id
      join client_rollups a on a.client_id = p.client_id
      -- per client, an index range up to its bound (many clients can share the bound day)
      cross join lateral (
        select i.* from receivable_invoices i
        where i.client_id = p.client_id and i.balance > 0 and i.due_on <= p.due_by and i.due_on < ${q.today}::date
          and coalesce(c.rep_id, i.rep_id) is not distinct from p.rep_id
        order by i.due_on
        limit ${reach}
      ) i
    ),
    promises as (
      select 'promise:' || p.call_id || ':' || p.ordinal, 'broken_promise', c.id, c.name, k.rep_id,
             null::uuid, null, null::date, null::numeric, null, (${q.today}::date - p.due_on), false,
             k.id, k.recorded_at, k.call_type, p.due_on, p.amount, p.full, p.status, p.paid, a.last_call_at
      from promise_follow_ups f
      join payment_promises p on p.call_id = f.call_id and p.ordinal = f.ordinal
      join calls k on k.id = f.call_id
      join clients c on c.id = f.client_id
      join client_rollups a on a.client_id = f.client_id
      where ${scope(sql`f.rep_id`)}
      order by 11 desc nulls last, 1
      limit ${reach}
    ),
    -- The client's last call is a recent negotiation, and the client is overdue.
    negotiations as (
      select 'negotiation:' || a.last_call_id, 'negotiation_overdue', c.id, c.name, a.last_call_rep_id,
             null::uuid, null, null::date, null::numeric, null, (${q.today}::date - a.first_open_due_on),
             false, a.last_call_id, a.last_call_at, a.last_call_type, null::date, null::numeric, null::boolean,
             null, null::numeric, a.last_call_at
      from client_rollups a
      join clients c on c.id = a.client_id
      where a.last_call_at >= ${q.now}::timestamptz - make_interval(days => ${q.negotiationWindowDays}::int)
        and a.first_open_due_on < ${q.today}::date
        and a.last_call_type = 'credit_negotiation'
        and ${scope(sql`a.last_call_rep_id`)}
      -- ranked last, in the final order (days late, key): no more than the queue can show
      order by 11 desc, 1
      limit ${reach}
    ),
    items as (
      select * from overdue union all select * from promises union all select * from negotiations
    )
    select items.key, items.kind, items.client_id, items.client_name, items.rep_id, u.name as rep_name,
           items.invoice_id, items.number, items.due_on::text as due_on, items.balance::text as balance, items.currency,
           items.days_late, items.first_delay, items.call_id, items.recorded_at, items.call_type,
           items.promise_due_on::text as promise_due_on, items.promise_amount::text as promise_amount,
           items.promise_full, items.promise_status, items.promise_paid::text as promise_paid,
           items.last_call_at
    from items
    left join users u on u.id = items.rep_id
    where not exists (select 1 from follow_up_snoozes s where s.item_key = items.key and s.until > ${q.now}::timestamptz)
    order by items.first_delay desc, case items.kind when 'broken_promise' then 0 when 'overdue_no_call' then 1 else 2 end,
             items.days_late desc nulls last, items.key
    limit ${q.limit}
  `.execute(db);
  return rows.rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    client: { id: r.client_id, name: r.client_name },
    rep: r.rep_id ? { id: r.rep_id, name: r.rep_name ?? '' } : null,
    invoice:
      r.invoice_id && r.number && r.due_on && r.balance && r.currency
        ? {
            id: r.invoice_id,
            number: r.number,
            dueOn: r.due_on,
            balance: Number(r.balance),
            currency: r.currency,
          }
        : null,
    daysLate: r.days_late,
    firstDelay: r.first_delay,
    call:
      r.call_id && r.recorded_at && r.call_type
        ? { id: r.call_id, recordedAt: r.recorded_at, callType: r.call_type }
        : null,
    promise:
      r.promise_status !== null
        ? {
            dueOn: r.promise_due_on,
            amount: r.promise_amount === null ? null : Number(r.promise_amount),
            full: Boolean(r.promise_full),
            status: r.promise_status,
            paid: r.promise_paid === null ? null : Number(r.promise_paid),
          }
        : null,
    lastCallAt: r.last_call_at,
  }));
}

interface Row {
  key: string;
  kind: FollowUpKind;
  client_id: string;
  client_name: string;
  rep_id: string | null;
  rep_name: string | null;
  invoice_id: string | null;
  number: string | null;
  due_on: string | null;
  balance: string | null;
  currency: string | null;
  days_late: number | null;
  first_delay: boolean;
  call_id: string | null;
  recorded_at: Date | null;
  call_type: 'credit_negotiation' | 'collection' | null;
  promise_due_on: string | null;
  promise_amount: string | null;
  promise_full: boolean | null;
  promise_status: string | null;
  promise_paid: string | null;
  last_call_at: Date | null;
}

export async function snoozeFollowUp(
  db: Db,
  snooze: { key: string; until: Date; reason: string; by: string },
): Promise<void> {
  await db
    .insertInto('follow_up_snoozes')
    .values({ item_key: snooze.key, until: snooze.until, reason: snooze.reason, snoozed_by: snooze.by })
    .onConflict((oc) =>
      oc
        .column('item_key')
        .doUpdateSet({ until: snooze.until, reason: snooze.reason, snoozed_by: snooze.by }),
    )
    .execute();
}
