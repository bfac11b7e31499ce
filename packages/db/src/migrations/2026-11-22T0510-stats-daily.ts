import { sql, type Kysely } from 'kysely';

// Stats, second step: `call_stats` (one row per call) alone measured 1.4–1.9 s per director query at
// 1M calls (`npm run bench:stats`), so the dashboard reads a rollup per rep × company-local day × call
// type, kept from call_stats by a trigger in the same transaction. Days are local to the company time
// zone held in `stats_settings`; the API sets it from COMPANY_TIME_ZONE and rebuilds when it changes.
// Frozen in time: migrations take Kysely<any> and never import application code.
const FLAGS = ['payment_terms', 'deadline', 'sanctions', 'deflection'];
const COUNTS = [
  'analysed',
  'failed',
  'pending',
  'payment_terms',
  'deadline',
  'sanctions',
  'all_three',
  'deflection',
  ...FLAGS.flatMap((f) => [`c_${f}`, `a_${f}`]),
];

/** The per-call contributions to each count, for a call_stats row named `r`. */
const CONTRIBUTIONS = [
  `(r.status = 'analyzed')::int`,
  `(r.status = 'failed')::int`,
  `(r.status not in ('analyzed', 'failed'))::int`,
  `coalesce(r.payment_terms, false)::int`,
  `coalesce(r.deadline, false)::int`,
  `coalesce(r.sanctions, false)::int`,
  `coalesce(r.payment_terms and r.deadline and r.sanctions, false)::int`,
  `coalesce(r.deflection, false)::int`,
  ...FLAGS.flatMap((f) => [
    `(r.status = 'analyzed' and r.agree_${f} is not null)::int`,
    `coalesce(r.status = 'analyzed' and r.agree_${f}, false)::int`,
  ]),
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table stats_settings (
      id boolean primary key default true check (id),
      time_zone text not null
    )
  `.execute(db);
  await sql`insert into stats_settings (time_zone) values ('Europe/Moscow')`.execute(db);

  await sql
    .raw(
      `create table call_stats_daily (
        rep_id uuid not null,
        day date not null,
        call_type text not null,
        ${COUNTS.map((c) => `${c} integer not null default 0`).join(',\n')},
        primary key (day, rep_id, call_type)
      )`,
    )
    .execute(db);
  await sql`create index call_stats_daily_rep_idx on call_stats_daily (rep_id, day)`.execute(db);

  await sql
    .raw(
      `create function call_stats_daily_add(r call_stats, sign integer) returns void language plpgsql as $$
      begin
        insert into call_stats_daily as d (rep_id, day, call_type, ${COUNTS.join(', ')})
        values (r.rep_id, (r.recorded_at at time zone (select time_zone from stats_settings))::date, r.call_type,
                ${CONTRIBUTIONS.map((c) => `sign * ${c}`).join(', ')})
        on conflict (day, rep_id, call_type) do update set
          ${COUNTS.map((c) => `${c} = d.${c} + excluded.${c}`).join(', ')};
      end $$`,
    )
    .execute(db);
  await sql`
    create function call_stats_daily_from_calls() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform call_stats_daily_add(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform call_stats_daily_add(new, 1); end if;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger call_stats_daily after insert or update or delete on call_stats
      for each row execute function call_stats_daily_from_calls()
  `.execute(db);

  await sql
    .raw(
      `create function rebuild_call_stats_daily() returns void language plpgsql as $$
      begin
        truncate call_stats_daily;
        insert into call_stats_daily (rep_id, day, call_type, ${COUNTS.join(', ')})
        select r.rep_id, (r.recorded_at at time zone (select time_zone from stats_settings))::date, r.call_type,
               ${CONTRIBUTIONS.map((c) => `sum(${c})`).join(', ')}
        from call_stats r
        group by 1, 2, 3;
      end $$`,
    )
    .execute(db);
  // The 0500 rebuild now rebuilds the rollup too (truncate skips row triggers).
  await sql.raw(rebuildCallStats(true)).execute(db);
  await sql`select rebuild_call_stats_daily()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger call_stats_daily on call_stats`.execute(db);
  await sql`drop function rebuild_call_stats_daily()`.execute(db);
  await sql`drop function call_stats_daily_from_calls()`.execute(db);
  await sql`drop function call_stats_daily_add(call_stats, integer)`.execute(db);
  await sql`drop table call_stats_daily`.execute(db);
  await sql`drop table stats_settings`.execute(db);
  await sql.raw(rebuildCallStats(false)).execute(db);
}

/** rebuild_call_stats() as 0500 created it, optionally followed by the rollup's rebuild. */
function rebuildCallStats(withDaily: boolean): string {
  return `
    create or replace function rebuild_call_stats() returns void language plpgsql as $$
    begin
      ${withDaily ? 'alter table call_stats disable trigger call_stats_daily;' : ''}
      truncate call_stats;
      insert into call_stats
      select c.id, c.rep_id, c.recorded_at, c.call_type, c.status,
             case when c.status = 'analyzed' then coalesce(f.pt, false) end,
             case when c.status = 'analyzed' then coalesce(f.dl, false) end,
             case when c.status = 'analyzed' then coalesce(f.sc, false) end,
             case when c.status = 'analyzed' then coalesce(f.df, false) end,
             f.a_apt, f.a_adl, f.a_asc, f.a_adf
      from calls c
      left join (
        select coalesce(a.call_id, k.call_id) as call_id,
               bool_or(coalesce(k.stated, a.stated)) filter (where coalesce(a.flag, k.flag) = 'payment_terms') as pt,
               bool_or(coalesce(k.stated, a.stated)) filter (where coalesce(a.flag, k.flag) = 'deadline') as dl,
               bool_or(coalesce(k.stated, a.stated)) filter (where coalesce(a.flag, k.flag) = 'sanctions') as sc,
               bool_or(coalesce(k.stated, a.stated)) filter (where coalesce(a.flag, k.flag) = 'deflection') as df,
               bool_or(k.stated is not distinct from a.stated) filter (where k.flag = 'payment_terms') as a_apt,
               bool_or(k.stated is not distinct from a.stated) filter (where k.flag = 'deadline') as a_adl,
               bool_or(k.stated is not distinct from a.stated) filter (where k.flag = 'sanctions') as a_asc,
               bool_or(k.stated is not distinct from a.stated) filter (where k.flag = 'deflection') as a_adf
        from analysis_flags a
        full join flag_corrections k on k.call_id = a.call_id and k.flag = a.flag
        group by 1
      ) f on f.call_id = c.id;
      ${withDaily ? 'alter table call_stats enable trigger call_stats_daily;' : ''}
      ${withDaily ? 'perform rebuild_call_stats_daily();' : ''}
    end $$
  `;
}
