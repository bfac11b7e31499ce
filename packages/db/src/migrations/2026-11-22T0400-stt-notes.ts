import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
// What the speech-to-text engine wants a reviewer to know about a transcript (approximate timestamps,
// cuts without a pause, guessed speakers), shown on the call.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('stt_notes', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('stt_notes').execute();
}
