import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
// Per flag: how sure the analysis is of its verdict (0–1, sorts the "To review" list, uncertain
// first) and, for a flag not stated, where the rep should have said it (the client's payment
// question, the agreement to ship) as [{segment, start, quote}]. Both null for older analyses.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('analysis_flags')
    .addColumn('confidence', 'double precision')
    .addColumn('opportunities', 'jsonb')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analysis_flags').dropColumn('opportunities').dropColumn('confidence').execute();
}
