import { ChecklistError, loadChecklist, type CompiledChecklist } from '@onterms/analysis';
import { findCurrentChecklist, type ChecklistCallType, type Database } from '@onterms/db';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.ts';

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

/**
 * Validates and compiles a company checklist document; throws AppError('invalid_policy') naming the JSON
 * path of the bad field *in the document as sent*. The analysis reports item paths in the checklist as
 * resolved with its parent's items (the company's come after them), which no editor can point at, so
 * an item error is located again by compiling the company's own items alone.
 */
export function compileCompanyChecklist(document: unknown): CompiledChecklist {
  try {
    return loadChecklist(document);
  } catch (e) {
    if (!(e instanceof ChecklistError)) throw e;
    let message = e.message;
    const doc = document as Record<string, unknown>;
    if (/^\/items\/\d+/.test(message) && doc.extends !== undefined) {
      try {
        loadChecklist({ ...doc, extends: undefined });
      } catch (own) {
        if (own instanceof ChecklistError && /^\/items\/\d+/.test(own.message)) message = own.message;
      }
    }
    throw new AppError('invalid_policy', message, { field: message.split(':')[0]! });
  }
}
