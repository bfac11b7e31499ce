import { sql, type Kysely } from 'kysely';

// Stats: one narrow row per call with its effective verdicts, kept by triggers in the same transaction
// as every write that changes them (the pipeline's store step, a re-analysis, a manager's correction,
// a status change). The dashboard aggregates this table instead of joining calls × analysis_flags ×
// flag_corrections: measured with `npm run bench:stats`, the join does not stay under 300 ms at 1M calls.
// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table call_stats (
      call_id uuid primary key,
      rep_id uuid not null,
      recorded_at timestamptz not null,
      call_type text not null,
      status text not null,
      -- Effective verdicts (a correction wins over the machine); null until analysed.
      payment_terms boolean,
      deadline boolean,
      sanctions boolean,
      deflection boolean,
      -- Per flag: null without a correction, true when the correction agrees with the machine, false when not.
      agree_payment_terms boolean,
      agree_deadline boolean,
      agree_sanctions boolean,
      agree_deflection boolean
    )
  `.execute(db);
  // Covering indexes: every stats query is an index-only scan over a time range (all reps, or some).
  await sql`
    create index call_stats_recorded_idx on call_stats (recorded_at)
      include (rep_id, call_type, status, payment_terms, deadline, sanctions, deflection,
               agree_payment_terms, agree_deadline, agree_sanctions, agree_deflection)
  `.execute(db);
  await sql`
    create index call_stats_rep_recorded_idx on call_stats (rep_id, recorded_at)
      include (call_type, status, payment_terms, deadline, sanctions, deflection,
               agree_payment_terms, agree_deadline, agree_sanctions, agree_deflection)
  `.execute(db);

  await sql`
    create function refresh_call_stats(p_call uuid) returns void language plpgsql as $$
    begin
      delete from call_stats where call_id = p_call;
      insert into call_stats
      select c.id, c.rep_id, c.recorded_at, c.call_type, c.status,
             v.pt, v.dl, v.sc, v.df, v.a_apt, v.a_adl, v.a_asc, v.a_adf
      from calls c
      cross join lateral (
        select
          case when c.status = 'analyzed' then coalesce(cp.stated, mp.stated, false) end as pt,
          case when c.status = 'analyzed' then coalesce(cd.stated, md.stated, false) end as dl,
          case when c.status = 'analyzed' then coalesce(cs.stated, ms.stated, false) end as sc,
          case when c.status = 'analyzed' then coalesce(cf.stated, mf.stated, false) end as df,
          case when cp.stated is not null then cp.stated is not distinct from mp.stated end as a_apt,
          case when cd.stated is not null then cd.stated is not distinct from md.stated end as a_adl,
          case when cs.stated is not null then cs.stated is not distinct from ms.stated end as a_asc,
          case when cf.stated is not null then cf.stated is not distinct from mf.stated end as a_adf
        from (select 1) one
        left join analysis_flags mp on mp.call_id = c.id and mp.flag = 'payment_terms'
        left join analysis_flags md on md.call_id = c.id and md.flag = 'deadline'
        left join analysis_flags ms on ms.call_id = c.id and ms.flag = 'sanctions'
        left join analysis_flags mf on mf.call_id = c.id and mf.flag = 'deflection'
        left join flag_corrections cp on cp.call_id = c.id and cp.flag = 'payment_terms'
        left join flag_corrections cd on cd.call_id = c.id and cd.flag = 'deadline'
        left join flag_corrections cs on cs.call_id = c.id and cs.flag = 'sanctions'
        left join flag_corrections cf on cf.call_id = c.id and cf.flag = 'deflection'
      ) v
      where c.id = p_call;
    end $$
  `.execute(db);

  await sql`
    create function call_stats_from_calls() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from call_stats where call_id = old.id;
        return null;
      end if;
      perform refresh_call_stats(new.id);
      return null;
    end $$
  `.execute(db);
  await sql`
    create function call_stats_from_flags() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform refresh_call_stats(old.call_id); end if;
      if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.call_id <> old.call_id) then
        perform refresh_call_stats(new.call_id);
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger call_stats_calls after insert or delete or update of status, rep_id, recorded_at, call_type
      on calls for each row execute function call_stats_from_calls()
  `.execute(db);
  await sql`
    create trigger call_stats_analysis_flags after insert or update or delete
      on analysis_flags for each row execute function call_stats_from_flags()
  `.execute(db);
  await sql`
    create trigger call_stats_flag_corrections after insert or update or delete
      on flag_corrections for each row execute function call_stats_from_flags()
  `.execute(db);

  // Rebuilds the whole table from the source tables (after a bulk load, or to check the triggers).
  await sql`
    create function rebuild_call_stats() returns void language plpgsql as $$
    begin
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
    end $$
  `.execute(db);
  await sql`select rebuild_call_stats()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger call_stats_flag_corrections on flag_corrections`.execute(db);
  await sql`drop trigger call_stats_analysis_flags on analysis_flags`.execute(db);
  await sql`drop trigger call_stats_calls on calls`.execute(db);
  await sql`drop function rebuild_call_stats()`.execute(db);
  await sql`drop function call_stats_from_flags()`.execute(db);
  await sql`drop function call_stats_from_calls()`.execute(db);
  await sql`drop function refresh_call_stats(uuid)`.execute(db);
  await sql`drop table call_stats`.execute(db);
}
