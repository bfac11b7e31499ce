import { sql, type Kysely } from 'kysely';

// Publishing a company checklist re-analyses old calls the way publishing a credit policy re-checks
// them: each analysis records the company checklist version it used (null: the default checklist),
// and a re-check run is about either a policy version or a checklist version of one call type.
// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table analyses add column company_checklist_version integer`.execute(db);
  await sql`
    alter table policy_rechecks
      alter column policy_version drop not null,
      add column call_type text,
      add column checklist_version integer,
      add constraint policy_rechecks_checklist_fk foreign key (call_type, checklist_version)
        references company_checklist_versions (call_type, version),
      add constraint policy_rechecks_one_subject check (
        (policy_version is not null and call_type is null and checklist_version is null)
        or (policy_version is null and call_type is not null and checklist_version is not null))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from policy_rechecks where policy_version is null`.execute(db);
  await sql`
    alter table policy_rechecks
      drop constraint policy_rechecks_one_subject,
      drop constraint policy_rechecks_checklist_fk,
      drop column checklist_version,
      drop column call_type,
      alter column policy_version set not null
  `.execute(db);
  await sql`alter table analyses drop column company_checklist_version`.execute(db);
}
