import type { Kysely } from 'kysely';
import {
  archiveCoachingTag,
  insertCoachingTag,
  listCoachingTags,
  type CoachingTag,
  type Database,
} from '@onterms/db';
import { notFound } from '../app-error.ts';
import type { Audit } from '../audit.ts';

export interface TagDeps {
  db: Kysely<Database>;
  /** Writes `tag.created` / `tag.removed` for whoever acts. */
  audit: Audit;
}

/** Coaching tags: seeded by the migration, managed by admins; removing one archives it (threads keep it). */
export function listTags(db: Kysely<Database>): Promise<CoachingTag[]> {
  return listCoachingTags(db);
}

/** A new tag, its labels trimmed; audited with the labels as sent. */
export async function addTag(deps: TagDeps, label: { ru: string; en: string }): Promise<CoachingTag> {
  const tag = await insertCoachingTag(deps.db, { ru: label.ru.trim(), en: label.en.trim() });
  await deps.audit({ action: 'tag.created', objectType: 'tag', objectId: tag.id, details: { label } });
  return tag;
}

export async function removeTag(deps: TagDeps, id: string): Promise<void> {
  if (!(await archiveCoachingTag(deps.db, id))) throw notFound('tag');
  await deps.audit({ action: 'tag.removed', objectType: 'tag', objectId: id });
}
