import type { Kysely } from 'kysely';
import { findClientSegments, findCurrentPolicy, type Database } from '@onterms/db';
import type { CreditPolicyLookup } from '../receivables/credit-policy-lookup.ts';

/**
 * The published credit policy as receivables read it: each client's segment (its own, else the
 * policy's default), that segment's credit limit and its days without a call (`followUpDays`; a
 * segment without it: FOLLOW_UP_DAYS). No policy published: no segments, no limits, the setting.
 */
export function creditPolicyLookup(db: Kysely<Database>): CreditPolicyLookup {
  const segmentsOf = async (clientIds: string[]) => {
    const policy = await findCurrentPolicy(db);
    if (!policy) return null;
    const own = await findClientSegments(db, clientIds);
    const known = new Set(policy.document.segments.map((s) => s.id));
    const bySegment = new Map(policy.document.segments.map((s) => [s.id, s]));
    const segments = new Map(
      clientIds.map((id) => {
        const set = own.get(id);
        // A segment a newer policy dropped falls back to the default, as the call check does.
        return [id, set && known.has(set) ? set : policy.document.defaultSegment];
      }),
    );
    return { segments, bySegment };
  };
  return {
    async followUpDays() {
      const policy = await findCurrentPolicy(db);
      if (!policy) return null;
      return {
        segments: policy.document.segments.map((s) => ({ segment: s.id, days: s.followUpDays ?? null })),
        defaultSegment: policy.document.defaultSegment,
      };
    },
    async segments(clientIds) {
      return (await segmentsOf(clientIds))?.segments ?? new Map();
    },
    async creditLimits(clientIds) {
      const found = await segmentsOf(clientIds);
      const limits = new Map<string, { amount: number; currency: string }>();
      if (!found) return limits;
      for (const [clientId, segment] of found.segments) {
        const limit = found.bySegment.get(segment)?.maxCreditLimit;
        if (limit) limits.set(clientId, { amount: limit.amount, currency: limit.currency });
      }
      return limits;
    },
  };
}
