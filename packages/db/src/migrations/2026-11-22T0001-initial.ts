import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('rep', 'manager', 'director', 'admin')`))
    // A rep's own team; managers lead teams through team_managers.
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);
  await db.schema.createIndex('users_team_idx').on('users').column('team_id').execute();

  await db.schema
    .createTable('team_managers')
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_managers_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    // Case- and space-insensitive identity, so «ООО Ромашка» and «ооо  ромашка» are one counterparty.
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('rep_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'uuid', (c) => c.references('clients.id'))
    .addColumn('call_type', 'text', (c) =>
      c.notNull().check(sql`call_type in ('credit_negotiation', 'collection')`),
    )
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.check(sql`language in ('ru', 'en')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'processing', 'waiting', 'transcribed', 'analyzed', 'failed')`),
    )
    .addColumn('failure_reason', 'text')
    // The original recording as uploaded, and what probing it found.
    .addColumn('audio_key', 'text', (c) => c.notNull())
    .addColumn('audio_sha256', 'text', (c) => c.notNull())
    .addColumn('audio_bytes', 'bigint', (c) => c.notNull())
    .addColumn('audio_format', 'text', (c) => c.notNull())
    .addColumn('original_filename', 'text')
    .addColumn('duration_sec', 'double precision', (c) => c.notNull())
    .addColumn('channels', 'integer', (c) => c.notNull())
    .addColumn('sample_rate', 'integer')
    .addColumn('rep_channel', 'text', (c) => c.check(sql`rep_channel in ('left', 'right')`))
    // Derived files, written by the pipeline.
    .addColumn('speech_audio_key', 'text')
    .addColumn('review_audio_key', 'text')
    .addColumn('peaks_key', 'text')
    // An uploaded transcript replaces speech-to-text; it is kept as uploaded.
    .addColumn('transcript_upload_key', 'text')
    .addColumn('transcript_source', 'text', (c) => c.check(sql`transcript_source in ('upload', 'stt')`))
    .addColumn('stt_engine', 'text')
    .addColumn('stt_model', 'text')
    .addColumn('stt_audio_seconds', 'double precision')
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('analyzed_at', 'timestamptz')
    .execute();
  // Re-uploading the same bytes returns the existing call; the constraint settles concurrent uploads.
  await db.schema
    .createIndex('calls_uploader_sha256_key')
    .on('calls')
    .columns(['uploaded_by', 'audio_sha256'])
    .unique()
    .execute();
  // The calls list: newest first, per rep, per status, per client.
  await db.schema.createIndex('calls_recorded_idx').on('calls').columns(['recorded_at desc', 'id']).execute();
  await db.schema
    .createIndex('calls_rep_recorded_idx')
    .on('calls')
    .columns(['rep_id', 'recorded_at desc'])
    .execute();
  await db.schema
    .createIndex('calls_client_idx')
    .on('calls')
    .columns(['client_id', 'recorded_at desc'])
    .execute();
  await db.schema
    .createIndex('calls_status_idx')
    .on('calls')
    .columns(['status', 'recorded_at desc'])
    .execute();

  await db.schema
    .createTable('transcript_segments')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start_sec', 'double precision', (c) => c.notNull())
    .addColumn('end_sec', 'double precision', (c) => c.notNull())
    .addColumn('speaker', 'text', (c) => c.notNull().check(sql`speaker in ('rep', 'client', 'unknown')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transcript_segments_pkey', ['call_id', 'idx'])
    .execute();

  // The machine's verdict: one row per call, replaced as a whole on re-analysis.
  await db.schema
    .createTable('analyses')
    .addColumn('call_id', 'uuid', (c) => c.primaryKey().references('calls.id').onDelete('cascade'))
    .addColumn('checklist_id', 'text', (c) => c.notNull())
    .addColumn('checklist_version', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('llm_model', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One row per checklist item and call (`deflection` included), so stats are plain aggregates.
  await db.schema
    .createTable('analysis_flags')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('analyses.call_id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('stated', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('analysis_flags_pkey', ['call_id', 'flag'])
    .execute();
  await db.schema
    .createIndex('analysis_flags_flag_idx')
    .on('analysis_flags')
    .columns(['flag', 'stated'])
    .execute();
  await db.schema
    .createTable('analysis_moments')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('analyses.call_id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('segment_idx', 'integer', (c) => c.notNull())
    .addColumn('start_sec', 'double precision', (c) => c.notNull())
    .addColumn('end_sec', 'double precision', (c) => c.notNull())
    .addColumn('speaker', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('moment_values', 'jsonb')
    .addPrimaryKeyConstraint('analysis_moments_pkey', ['call_id', 'flag', 'ordinal'])
    .execute();

  await db.schema
    .createTable('annotations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('parent_id', 'uuid', (c) => c.references('annotations.id').onDelete('cascade'))
    .addColumn('start_sec', 'double precision')
    .addColumn('end_sec', 'double precision')
    .addColumn('segment_idx', 'integer')
    .addColumn('tag', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('annotations_call_idx')
    .on('annotations')
    .columns(['call_id', 'start_sec'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'annotations',
    'analysis_moments',
    'analysis_flags',
    'analyses',
    'transcript_segments',
    'calls',
    'clients',
    'team_managers',
    'users',
    'teams',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
