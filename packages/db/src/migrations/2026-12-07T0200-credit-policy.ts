import { sql, type Kysely } from 'kysely';

// The company's written credit rules: published versions (immutable), the segment of each client,
// the policy check of each call (which version, which segment, its findings), company checklists
// (versioned the same way) and the re-check runs after a publish.
// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per published version. The version number is the primary key, so two publishes racing for
  // the same number cannot both win; the trigger below makes a published version read-only for good.
  await sql`
    create table credit_policy_versions (
      version integer primary key check (version >= 1),
      policy_id text not null,
      document jsonb not null,
      published_by uuid references users(id),
      published_at timestamptz not null default now(),
      note text
    )
  `.execute(db);
  await sql`
    create table company_checklist_versions (
      call_type text not null,
      version integer not null check (version >= 1),
      document jsonb not null,
      published_by uuid references users(id),
      published_at timestamptz not null default now(),
      primary key (call_type, version)
    )
  `.execute(db);
  await sql`
    create function forbid_rewriting_history() returns trigger language plpgsql as $$
    begin
      raise exception 'a published version is never changed or deleted (%)', tg_table_name
        using errcode = 'P0001';
    end
    $$
  `.execute(db);
  for (const table of ['credit_policy_versions', 'company_checklist_versions'])
    await sql`
      create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.raw(table)}
      for each row execute function forbid_rewriting_history()
    `.execute(db);

  // null: the policy's default segment
  await sql`alter table clients add column segment text`.execute(db);
  // where the seller side waived a sanction (moments, as analysed), for re-checks without re-analysis
  await sql`alter table analyses add column waivers jsonb`.execute(db);

  await sql`
    create table call_policy_checks (
      call_id uuid primary key references calls(id) on delete cascade,
      policy_version integer not null references credit_policy_versions(version),
      segment text not null,
      default_segment_used boolean not null,
      breaches integer not null,
      omissions integer not null,
      checked_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index call_policy_checks_version_idx on call_policy_checks (policy_version)`.execute(db);
  await sql`
    create table call_policy_findings (
      call_id uuid not null references call_policy_checks(call_id) on delete cascade,
      ordinal integer not null,
      kind text not null,
      severity text not null,
      segment_idx integer,
      start_sec double precision,
      quote text,
      stated jsonb,
      allowed jsonb,
      primary key (call_id, ordinal)
    )
  `.execute(db);
  await sql`create index call_policy_findings_kind_idx on call_policy_findings (kind, call_id)`.execute(db);

  // A re-check of every analysed call against one published version: progress is counted from
  // call_policy_checks, so a run killed mid-way resumes where the rows say it stopped.
  await sql`
    create table policy_rechecks (
      id uuid primary key default gen_random_uuid(),
      policy_version integer not null references credit_policy_versions(version),
      total integer not null,
      done integer not null default 0,
      status text not null default 'running' check (status in ('running', 'done', 'superseded')),
      started_at timestamptz not null default now(),
      finished_at timestamptz
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table policy_rechecks, call_policy_findings, call_policy_checks`.execute(db);
  await sql`alter table analyses drop column waivers`.execute(db);
  await sql`alter table clients drop column segment`.execute(db);
  await sql`drop table company_checklist_versions, credit_policy_versions`.execute(db);
  await sql`drop function forbid_rewriting_history`.execute(db);
}
