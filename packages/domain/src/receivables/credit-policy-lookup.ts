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
