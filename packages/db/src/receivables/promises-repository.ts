import { sql, type Kysely, type Transaction } from 'kysely';
import type { Moment } from '@onterms/contracts';
import type { Database, PromiseStatus } from '../database.ts';
import { camelRow } from '../rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredPromiseInput {
  amount?: number;
  currency?: string;
  full?: boolean;
  due: Record<string, unknown>;
  /** The deadline as a calendar day, resolved against the day of the call; null when it cannot be. */
  dueOn: string | null;
  moments: Moment[];
}

/** Replaces the promises read from a call (each analysis replaces the previous reading). */
export async function replaceCallPromises(
  trx: Transaction<Database>,
  callId: string,
  promises: StoredPromiseInput[],
): Promise<void> {
  await trx.deleteFrom('payment_promises').where('call_id', '=', callId).execute();
  if (!promises.length) return;
  await trx
    .insertInto('payment_promises')
    .values(
      promises.map((p, ordinal) => ({
        call_id: callId,
        ordinal,
        amount: p.amount ?? null,
        currency: p.currency ?? null,
        full: p.full ?? false,
        due: JSON.stringify(p.due),
        due_on: p.dueOn,
        moments: JSON.stringify(p.moments),
      })),
    )
    .execute();
}

export interface PaymentPromise {
  callId: string;
  ordinal: number;
  clientId: string | null;
  recordedAt: Date;
  amount: number | null;
  currency: string | null;
  full: boolean;
  due: Record<string, unknown>;
  dueOn: string | null;
  moments: Moment[];
  status: PromiseStatus;
  paid: number | null;
}

export async function listClientPromises(db: Db, clientId: string): Promise<PaymentPromise[]> {
  const rows = await db
    .selectFrom('payment_promises as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select([
      'p.call_id',
      'p.ordinal',
      'c.client_id',
      'c.recorded_at',
      'p.amount',
      'p.currency',
      'p.full',
      'p.due',
      sql<string | null>`p.due_on::text`.as('due_on'),
      'p.moments',
      'p.status',
      'p.paid',
    ])
    .where('c.client_id', '=', clientId)
    .orderBy('c.recorded_at')
    .orderBy('p.ordinal')
    .execute();
  return rows.map((r) => ({
    ...camelRow(r),
    amount: r.amount === null ? null : Number(r.amount),
    due: r.due as Record<string, unknown>,
    moments: r.moments as Moment[],
    paid: r.paid === null ? null : Number(r.paid),
  }));
}

/**
 * Checks every promise whose day has passed by `asOf` against the payments the imports recorded:
 * **kept** when what was promised (the amount, or the whole debt at the time of the call) was paid
 * between the call and the deadline, **partly kept** when some was, **broken** when nothing was.
 * Payments are dated by the report that revealed them, so the window ends at the first report on or
 * after the deadline. Recomputed whole each time: running it twice changes nothing.
 */
export async function settlePromises(trx: Db, asOf: string, timeZone: string): Promise<void> {
  await sql`
    with due as (
      select p.call_id, p.ordinal, p.amount, c.client_id,
             (c.recorded_at at time zone ${timeZone})::date as call_day,
             coalesce((select min(ri.as_of) from receivable_imports ri where ri.as_of >= p.due_on), ${asOf}::date) as window_end
      from payment_promises p
      join calls c on c.id = p.call_id
      where p.due_on < ${asOf}::date and c.client_id is not null
    ), measured as (
      select d.call_id, d.ordinal,
             coalesce((select sum(rp.amount) from receivable_payments rp
                       join receivable_invoices i on i.id = rp.invoice_id
                       where i.client_id = d.client_id and rp.paid_on >= d.call_day and rp.paid_on <= d.window_end), 0) as paid,
             coalesce(d.amount,
               (select coalesce(sum(i.balance), 0) from receivable_invoices i
                where i.client_id = d.client_id and i.issued_on <= d.call_day)
               + (select coalesce(sum(rp.amount), 0) from receivable_payments rp
                  join receivable_invoices i on i.id = rp.invoice_id
                  where i.client_id = d.client_id and i.issued_on <= d.call_day and rp.paid_on >= d.call_day)
             ) as target
      from due d
    )
    , settled as (
      select m.call_id, m.ordinal, m.paid,
             case when m.paid >= m.target then 'kept' when m.paid > 0 then 'partly_kept' else 'broken' end as status
      from measured m
    )
    -- Only promises whose outcome changes are written: the rollups recompute the clients they touch.
    update payment_promises p
    set status = s.status, paid = s.paid, checked_at = now()
    from settled s
    where p.call_id = s.call_id and p.ordinal = s.ordinal
      and (p.status is distinct from s.status or p.paid is distinct from s.paid)
  `.execute(trx);
}
