import { sql, type Kysely } from 'kysely';

// Coaching: transcript search, flag corrections, review marks, coaching tags, feedback status.
// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Full-text search over transcripts. Calls are Russian first, English fully supported, and one call
  // may mix both (brand names, "net 30"), so every segment is indexed under both configurations; a
  // query is parsed under both too and OR-ed (see packages/db/src/calls/transcript-search.ts).
  await sql`
    alter table transcript_segments add column search tsvector
      generated always as (to_tsvector('russian'::regconfig, text) || to_tsvector('english'::regconfig, text)) stored
  `.execute(db);
  await sql`create index transcript_segments_search_idx on transcript_segments using gin (search)`.execute(
    db,
  );

  // A manager's verdict on one flag of one call. Kept apart from analysis_flags (which re-analysis
  // replaces as a whole) and keyed on the call, so it survives any number of re-analyses.
  await db.schema
    .createTable('flag_corrections')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('stated', 'boolean', (c) => c.notNull())
    // Moments in the contracts' Moment shape, copied from the transcript when the correction was made.
    .addColumn('moments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('flag_corrections_pkey', ['call_id', 'flag'])
    .execute();
  await db.schema
    .createIndex('flag_corrections_flag_idx')
    .on('flag_corrections')
    .columns(['flag', 'stated'])
    .execute();

  // The verdict the product shows and counts: a correction wins over the machine. Stats read this view.
  await sql`
    create view effective_flags as
    select coalesce(c.call_id, a.call_id) as call_id,
           coalesce(c.flag, a.flag) as flag,
           coalesce(c.stated, a.stated) as stated,
           case when c.call_id is null then 'machine' else 'correction' end as source
    from analysis_flags a
    full join flag_corrections c on c.call_id = a.call_id and c.flag = a.flag
  `.execute(db);

  // "Reviewed" is one mark per call (the "To review" inbox empties as any manager of the team reviews).
  await db.schema
    .alterTable('calls')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('calls_reviewed_idx')
    .on('calls')
    .columns(['reviewed_at', 'recorded_at desc'])
    .execute();

  await db.schema
    .createTable('coaching_tags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label_ru', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Removing a tag archives it: threads that carry it keep their label.
    .addColumn('archived_at', 'timestamptz')
    .execute();
  await db
    .insertInto('coaching_tags')
    .values([
      { label_ru: 'не озвучил санкции', label_en: 'Sanctions not stated', position: 1 },
      { label_ru: 'сильная формулировка', label_en: 'Strong wording', position: 2 },
      { label_ru: 'уступил без договорённости', label_en: 'Conceded without a deal', position: 3 },
      { label_ru: 'прогнулся', label_en: 'Gave in', position: 4 },
    ])
    .execute();

  // Threads: the root annotation carries the tag and the rep's answer; replies point at it.
  // (`annotations.tag`, free text from the first schema, stays unused.)
  await db.schema
    .alterTable('annotations')
    .addColumn('tag_id', 'uuid', (c) => c.references('coaching_tags.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'acknowledged', 'disputed')`),
    )
    .addColumn('status_comment', 'text')
    .addColumn('status_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('annotations_parent_idx')
    .on('annotations')
    .columns(['parent_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('annotations_parent_idx').execute();
  await db.schema
    .alterTable('annotations')
    .dropColumn('tag_id')
    .dropColumn('status')
    .dropColumn('status_comment')
    .dropColumn('status_at')
    .execute();
  await db.schema.dropTable('coaching_tags').execute();
  await db.schema.alterTable('calls').dropColumn('reviewed_at').dropColumn('reviewed_by').execute();
  await sql`drop view effective_flags`.execute(db);
  await db.schema.dropTable('flag_corrections').execute();
  await sql`alter table transcript_segments drop column search`.execute(db);
}
