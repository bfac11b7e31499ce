// The credit policy of the issue's example, shared by the policy tests.
import type { CreditPolicy, PolicySegment } from '@onterms/contracts';

/** The example's one segment: regular clients. */
export const REGULAR: PolicySegment = {
  id: 'regular',
  name: 'Постоянные клиенты',
  maxDeferralDays: 30,
  minPrepaymentPercent: 0,
  maxCreditLimit: { amount: 2_000_000, currency: 'RUB' },
  penalty: { ratePercent: 0.1, per: 'day' },
  requiredSanctions: ['penalty', 'suspension'],
};

/** The issue's example policy, as written there. */
export const ISSUE_EXAMPLE: CreditPolicy = {
  id: 'credit-rules',
  version: 1,
  defaultSegment: 'regular',
  segments: [REGULAR],
};
