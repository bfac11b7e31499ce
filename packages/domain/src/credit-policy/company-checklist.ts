import { loadChecklist, type CompiledChecklist } from '@onterms/analysis';
import { findCurrentChecklist, type ChecklistCallType, type Database } from '@onterms/db';
import type { Kysely } from 'kysely';

// compiled once per published version (a version never changes, so the cache never goes stale)
const compiled = new Map<string, CompiledChecklist>();

/**
 * The company's published checklist for a call type, compiled, with its version number (which the
 * analysis records); null: analyse with the default.
 */
export async function companyChecklist(
  db: Kysely<Database>,
  callType: ChecklistCallType,
): Promise<{ version: number; checklist: CompiledChecklist } | null> {
  const current = await findCurrentChecklist(db, callType);
  if (!current) return null;
  const key = `${callType}:${current.version}`;
  let c = compiled.get(key);
  if (!c) {
    c = loadChecklist(current.document);
    compiled.set(key, c);
  }
  return { version: current.version, checklist: c };
}
