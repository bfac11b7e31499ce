import type { Kysely } from 'kysely';
import {
  archiveCoachingTag,
  insertCoachingTag,
  listCoachingTags,
  type CoachingTag,
  type Database,
} from '@onterms/db';
import { notFound } from '@onterms/domain';

/** Coaching tags: seeded by the migration, managed by admins; removing one archives it (threads keep it). */
export function listTags(db: Kysely<Database>): Promise<CoachingTag[]> {
  return listCoachingTags(db);
}

export function addTag(db: Kysely<Database>, label: { ru: string; en: string }): Promise<CoachingTag> {
  return insertCoachingTag(db, { ru: label.ru.trim(), en: label.en.trim() });
}

export async function removeTag(db: Kysely<Database>, id: string): Promise<void> {
  if (!(await archiveCoachingTag(db, id))) throw notFound('tag');
}
