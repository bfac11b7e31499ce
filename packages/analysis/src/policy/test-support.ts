// Policies for the credit-policy tests.
import type { CreditPolicy } from '@onterms/contracts';

/** The issue's example policy: one segment, regular clients. */
export const ISSUE_EXAMPLE = {
  id: 'credit-rules',
  version: 1,
  defaultSegment: 'regular',
  segments: [
    {
      id: 'regular',
      name: 'Постоянные клиенты',
      maxDeferralDays: 30,
      minPrepaymentPercent: 0,
      maxCreditLimit: { amount: 2_000_000, currency: 'RUB' },
      penalty: { ratePercent: 0.1, per: 'day' },
      requiredSanctions: ['penalty', 'suspension'],
    },
  ],
} satisfies CreditPolicy;

/** The issue's example with a second, stricter segment for new clients, and one for key accounts. */
export const POLICY: CreditPolicy = {
  ...ISSUE_EXAMPLE,
  segments: [
    ...ISSUE_EXAMPLE.segments,
    {
      id: 'new',
      name: 'Новые клиенты',
      allowedPaymentForms: ['prepayment'],
      minPrepaymentPercent: 100,
      maxDeferralDays: 0,
    },
    {
      id: 'key',
      name: 'Key accounts',
      maxDeferralDays: 45,
      minPrepaymentPercent: 30,
      maxCreditLimit: { amount: 50_000, currency: 'USD' },
      penalty: { ratePercent: 0.05, per: 'day' },
      requiredSanctions: ['penalty', { kind: 'suspension', afterDays: 10 }, 'legal'],
    },
  ],
};
