import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface CoachingTag {
  id: string;
  label: { ru: string; en: string };
  archived: boolean;
}

/** The tags offered for new feedback, in their configured order (archived ones are not offered). */
export async function listCoachingTags(db: Db): Promise<CoachingTag[]> {
  const rows = await db
    .selectFrom('coaching_tags')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(toTag);
}

/** A tag by id, archived or not (old threads keep showing theirs). */
export async function findCoachingTag(db: Db, id: string): Promise<CoachingTag | null> {
  const row = await db.selectFrom('coaching_tags').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTag(row) : null;
}

export async function insertCoachingTag(db: Db, label: { ru: string; en: string }): Promise<CoachingTag> {
  const row = await db
    .insertInto('coaching_tags')
    .values({
      label_ru: label.ru,
      label_en: label.en,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from coaching_tags)`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTag(row);
}

/** Archives a tag; false when there is no such tag. Archiving twice is fine. */
export async function archiveCoachingTag(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('coaching_tags')
    .set({ archived_at: sql`coalesce(archived_at, now())` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toTag(row: {
  id: string;
  label_ru: string;
  label_en: string;
  archived_at: Date | null;
}): CoachingTag {
  return { id: row.id, label: { ru: row.label_ru, en: row.label_en }, archived: row.archived_at !== null };
}
