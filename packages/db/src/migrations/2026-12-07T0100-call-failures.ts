import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// failure_code: why a call failed, as a stable code the UI translates (failure_reason keeps our plain
// English text); auto_retries: how many times the system retried a call failed by an outage on its own.
//
// Deduplication moves from (uploader, bytes) to (rep, bytes): the same recording is the same call of
// that rep whoever uploads it, and a second uploader for another rep must not be handed someone else's
// call. The index is not unique because older rows may already hold the same bytes twice for one rep
// (uploaded by the rep and by their manager); new duplicates are prevented by a per-(rep, bytes) lock
// in the insert transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('failure_code', 'text')
    .addColumn('auto_retries', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update calls set failure_code = 'processing_failed' where status = 'failed'`.execute(db);
  await db.schema.dropIndex('calls_uploader_sha256_key').execute();
  await db.schema
    .createIndex('calls_rep_sha256_idx')
    .on('calls')
    .columns(['rep_id', 'audio_sha256'])
    .execute();
  await db.schema
    .createIndex('calls_failed_code_idx')
    .on('calls')
    .columns(['failure_code', 'updated_at'])
    .where(sql.ref('status'), '=', 'failed')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('calls_failed_code_idx').execute();
  await db.schema.dropIndex('calls_rep_sha256_idx').execute();
  await db.schema
    .createIndex('calls_uploader_sha256_key')
    .on('calls')
    .columns(['uploaded_by', 'audio_sha256'])
    .unique()
    .execute();
  await db.schema.alterTable('calls').dropColumn('auto_retries').dropColumn('failure_code').execute();
}
