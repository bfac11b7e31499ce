import type { Kysely, Transaction } from 'kysely';
import type { Segment } from '@onterms/contracts';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Replaces a call's transcript as a whole: running it twice leaves the same rows (idempotent step). */
export async function replaceSegments(
  trx: Transaction<Database>,
  callId: string,
  segments: Segment[],
): Promise<void> {
  await trx.deleteFrom('transcript_segments').where('call_id', '=', callId).execute();
  // Chunked so a 2-hour call stays under Postgres' bind-parameter limit.
  for (let i = 0; i < segments.length; i += 1000) {
    await trx
      .insertInto('transcript_segments')
      .values(
        segments.slice(i, i + 1000).map((s, j) => ({
          call_id: callId,
          idx: i + j,
          start_sec: s.start,
          end_sec: s.end,
          speaker: s.speaker,
          text: s.text,
        })),
      )
      .execute();
  }
}

export async function getSegments(db: Db, callId: string): Promise<Segment[]> {
  const rows = await db
    .selectFrom('transcript_segments')
    .select(['start_sec', 'end_sec', 'speaker', 'text'])
    .where('call_id', '=', callId)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({ start: r.start_sec, end: r.end_sec, speaker: r.speaker, text: r.text }));
}
