import type { Kysely } from 'kysely';
import { getEffectiveFlags, listFlagCorrections, type Database } from '@onterms/db';

/**
 * The verdict on one flag as people see it — the effective one (a manager's correction wins; the rule
 * itself is the `effective_flags` view, read through getEffectiveFlags) with the correction's segments
 * and reason — for the audit entry's before and after.
 */
export async function verdictOf(db: Kysely<Database>, callId: string, flag: string) {
  const effective = (await getEffectiveFlags(db, [callId])).get(callId)?.[flag];
  if (!effective) return null;
  const correction =
    effective.source === 'correction'
      ? (await listFlagCorrections(db, callId)).find((c) => c.flag === flag)
      : null;
  return {
    ...effective,
    ...(correction && { segments: correction.moments.map((m) => m.segment), reason: correction.reason }),
  };
}
