import { sql, type Kysely } from 'kysely';

// Receivables, second step: the follow-up queue, the client page and the outcome read per-client
// rollups instead of scanning every invoice, call and promise. Measured with `npm run bench:stats` at
// 100k invoices the direct queries took 2.2 s (queue) and 2.5–4.2 s (outcome); the rollups make them
// O(clients in scope). They are kept in the same transaction as every write that changes them, by
// statement-level triggers that recompute the touched clients (an import touching thousands of clients
// recomputes them set-based, once). Frozen in time: never imports application code.
//
// What stays time-dependent is left to the reader, over the rollup: "overdue" (due before today) and
// "no call for N days" compare stored days and instants with today; the outcome subtracts the invoices
// not yet due, read from a covering index.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per client: its last call, its analysed negotiations, its first open and first paid-late
  // due days (client-wide, for "the client's first delay"). Also the lock that serialises recomputes.
  await sql`
    create table client_rollups (
      client_id uuid primary key references clients (id) on delete cascade,
      last_call_id uuid,
      last_call_at timestamptz,
      last_call_type text,
      last_call_rep_id uuid,
      negotiations integer not null default 0,
      -- analysed credit negotiations that stated the payment terms, the deadline and the sanctions
      negotiations_stated integer not null default 0,
      first_open_due_on date,
      first_paid_late_due_on date
    )
  `.execute(db);

  // Per client × the invoice's own rep (null: none named): readers take the client's rep first (the
  // follow-up queue) or the invoice's (the outcome), as before, so a client changing hands needs no
  // recompute. Day sums are days since 2000-01-01, so days late = n × today − sum.
  await sql`
    create table client_invoice_rollups (
      client_id uuid not null references clients (id) on delete cascade,
      rep_id uuid,
      open_invoices integer not null,
      open_balance numeric(18, 2) not null,
      open_due_days bigint not null,
      first_open_due_on date,
      paid_invoices integer not null,
      paid_on_time integer not null,
      paid_days_late bigint not null,
      constraint client_invoice_rollups_key unique nulls not distinct (client_id, rep_id)
    )
  `.execute(db);

  // Promise outcomes per client × the rep who took the call.
  await sql`
    create table client_promise_rollups (
      client_id uuid not null references clients (id) on delete cascade,
      rep_id uuid not null,
      kept integer not null,
      partly_kept integer not null,
      broken integer not null,
      open integer not null,
      primary key (client_id, rep_id)
    )
  `.execute(db);

  // Broken (or partly kept) promises of clients who still owe and have not been called since the
  // promised day: a follow-up that only writes open or close, so it is stored whole.
  await sql`
    create table promise_follow_ups (
      client_id uuid not null references clients (id) on delete cascade,
      call_id uuid not null,
      ordinal integer not null,
      rep_id uuid not null,
      primary key (client_id, call_id, ordinal)
    )
  `.execute(db);

  // The outcome subtracts invoices not yet due: an index-only scan from today on.
  await sql`
    create index receivable_invoices_due_cover_idx on receivable_invoices (due_on)
      include (client_id, rep_id, balance, paid_on)
  `.execute(db);
  // The queue fetches a few clients' oldest open invoices.
  await sql`
    create index receivable_invoices_client_open_idx on receivable_invoices (client_id, due_on) where balance > 0
  `.execute(db);

  await sql`
    create function refresh_client_rollups(ids uuid[]) returns void language plpgsql as $$
    begin
      if ids is null or cardinality(ids) = 0 then return; end if;
      -- Lock each client's row first, in a fixed order: a concurrent writer's recompute waits, and the
      -- statements below (each a fresh snapshot under READ COMMITTED) then see its committed rows, so
      -- the last writer never stores sums computed without the other's rows.
      insert into client_rollups (client_id)
      select c.id from clients c where c.id = any(ids) on conflict do nothing;
      perform 1 from client_rollups where client_id = any(ids) order by client_id for update;

      update client_rollups a
      set last_call_id = l.id, last_call_at = l.recorded_at, last_call_type = l.call_type, last_call_rep_id = l.rep_id,
          negotiations = coalesce(n.analysed, 0), negotiations_stated = coalesce(n.stated, 0),
          first_open_due_on = i.first_open, first_paid_late_due_on = i.first_paid_late
      from unnest(ids) x(client_id)
      left join (
        select distinct on (k.client_id) k.client_id, k.id, k.recorded_at, k.call_type, k.rep_id
        from calls k where k.client_id = any(ids)
        order by k.client_id, k.recorded_at desc, k.id desc
      ) l on l.client_id = x.client_id
      left join (
        select k.client_id, count(*)::int as analysed,
               count(*) filter (where s.payment_terms and s.deadline and s.sanctions)::int as stated
        from calls k join call_stats s on s.call_id = k.id
        where k.client_id = any(ids) and k.call_type = 'credit_negotiation' and k.status = 'analyzed'
        group by 1
      ) n on n.client_id = x.client_id
      left join (
        select client_id, min(due_on) filter (where balance > 0) as first_open,
               min(due_on) filter (where paid_on > due_on) as first_paid_late
        from receivable_invoices where client_id = any(ids) group by 1
      ) i on i.client_id = x.client_id
      where a.client_id = x.client_id;

      delete from client_invoice_rollups where client_id = any(ids);
      insert into client_invoice_rollups
      select client_id, rep_id,
             count(*) filter (where balance > 0),
             coalesce(sum(balance) filter (where balance > 0), 0),
             coalesce(sum(due_on - date '2000-01-01') filter (where balance > 0), 0),
             min(due_on) filter (where balance > 0),
             count(*) filter (where paid_on is not null),
             count(*) filter (where paid_on <= due_on),
             coalesce(sum(greatest(0, paid_on - due_on)) filter (where paid_on is not null), 0)
      from receivable_invoices where client_id = any(ids)
      group by 1, 2;

      delete from client_promise_rollups where client_id = any(ids);
      insert into client_promise_rollups
      select k.client_id, k.rep_id,
             count(*) filter (where p.status = 'kept'), count(*) filter (where p.status = 'partly_kept'),
             count(*) filter (where p.status = 'broken'), count(*) filter (where p.status = 'open')
      from calls k join payment_promises p on p.call_id = k.id
      where k.client_id = any(ids)
      group by 1, 2;

      -- "Not called since": no call on a company-local day after the promised one.
      delete from promise_follow_ups where client_id = any(ids);
      insert into promise_follow_ups
      select k.client_id, p.call_id, p.ordinal, k.rep_id
      from calls k
      join payment_promises p on p.call_id = k.id
      join client_rollups a on a.client_id = k.client_id
      where k.client_id = any(ids) and p.status in ('broken', 'partly_kept') and a.first_open_due_on is not null
        and (a.last_call_at at time zone (select time_zone from stats_settings))::date <= p.due_on;
    end $$
  `.execute(db);

  await sql`
    create function rebuild_client_rollups() returns void language plpgsql as $$
    begin
      perform refresh_client_rollups(array(select id from clients));
    end $$
  `.execute(db);

  // Tables with a client_id: the clients of the rows before and after the statement.
  await sql`
    create function client_rollups_by_client() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform refresh_client_rollups(array(select distinct client_id from new_rows where client_id is not null));
      elsif tg_op = 'DELETE' then
        perform refresh_client_rollups(array(select distinct client_id from old_rows where client_id is not null));
      else
        perform refresh_client_rollups(array(
          select client_id from new_rows where client_id is not null
          union select client_id from old_rows where client_id is not null));
      end if;
      return null;
    end $$
  `.execute(db);
  // Tables keyed by call: the calls' clients.
  await sql`
    create function client_rollups_by_call() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform refresh_client_rollups(array(
          select distinct k.client_id from old_rows o join calls k on k.id = o.call_id where k.client_id is not null));
      else
        perform refresh_client_rollups(array(
          select distinct k.client_id from new_rows n join calls k on k.id = n.call_id where k.client_id is not null));
      end if;
      return null;
    end $$
  `.execute(db);
  // calls changes status at every pipeline step: only a change of what the rollups read recomputes.
  await sql`
    create function client_rollups_by_call_update() returns trigger language plpgsql as $$
    begin
      perform refresh_client_rollups(array(
        select k from new_rows n join old_rows o on o.id = n.id,
               unnest(array[n.client_id, o.client_id]) k
        where k is not null
          and (n.client_id, n.rep_id, n.recorded_at, n.call_type, n.status = 'analyzed')
              is distinct from (o.client_id, o.rep_id, o.recorded_at, o.call_type, o.status = 'analyzed')));
      return null;
    end $$
  `.execute(db);

  // Statement-level, with the transition tables each event has.
  const REFERENCING = {
    insert: 'new table as new_rows',
    update: 'old table as old_rows new table as new_rows',
    delete: 'old table as old_rows',
  };
  const triggers: (readonly [string, keyof typeof REFERENCING, string])[] = [
    ...['receivable_invoices', 'calls'].flatMap((t) => [
      [t, 'insert', 'client_rollups_by_client'] as const,
      [t, 'delete', 'client_rollups_by_client'] as const,
    ]),
    ['receivable_invoices', 'update', 'client_rollups_by_client'],
    ['calls', 'update', 'client_rollups_by_call_update'],
    // Promises and effective verdicts (call_stats is itself kept by triggers from flags and corrections).
    ...['payment_promises', 'call_stats'].flatMap((t) =>
      (['insert', 'update', 'delete'] as const).map((e) => [t, e, 'client_rollups_by_call'] as const),
    ),
  ];
  for (const [table, event, fn] of triggers) {
    await sql
      .raw(
        `create trigger client_rollups_${event} after ${event} on ${table}
           referencing ${REFERENCING[event]} for each statement execute function ${fn}()`,
      )
      .execute(db);
  }

  await sql`select rebuild_client_rollups()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['receivable_invoices', 'calls', 'payment_promises', 'call_stats']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger client_rollups_${event} on ${table}`).execute(db);
    }
  }
  await sql`drop function client_rollups_by_call_update()`.execute(db);
  await sql`drop function client_rollups_by_call()`.execute(db);
  await sql`drop function client_rollups_by_client()`.execute(db);
  await sql`drop function rebuild_client_rollups()`.execute(db);
  await sql`drop function refresh_client_rollups(uuid[])`.execute(db);
  await sql`drop index receivable_invoices_client_open_idx`.execute(db);
  await sql`drop index receivable_invoices_due_cover_idx`.execute(db);
  for (const table of [
    'promise_follow_ups',
    'client_promise_rollups',
    'client_invoice_rollups',
    'client_rollups',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
