import type { Kysely } from 'kysely';
import { findClientSegments, findCurrentPolicy, type Database } from '@onterms/db';

/**
 * What the receivables side needs from the company's credit policy (built separately, per client
 * segment): how many days an overdue client may go without a call, and each client's credit limit.
 * Until a policy is published — or when none is configured — the settings decide and there is no limit.
 */
export interface CreditPolicyLookup {
  /**
   * Days without a call per segment, for segments that set it, and the segment of clients without one
   * (or with one the policy no longer has). Null: no policy published.
   */
  followUpDays(): Promise<FollowUpDaysBySegment | null>;
  /** The credit limit of each client that has one. */
  creditLimits(clientIds: string[]): Promise<Map<string, { amount: number; currency: string }>>;
  /** The segment each client is in, for outcome figures by segment. */
  segments(clientIds: string[]): Promise<Map<string, string>>;
}

export interface FollowUpDaysBySegment {
  segments: { segment: string; days: number | null }[];
  defaultSegment: string;
}

export const NO_CREDIT_POLICY: CreditPolicyLookup = {
  followUpDays: async () => null,
  creditLimits: async () => new Map(),
  segments: async () => new Map(),
};

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
