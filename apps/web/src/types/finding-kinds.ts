import type { FindingKind } from '@onterms/contracts';

/** The credit-policy finding kinds, in the order the check reports them (contracts' FINDING_KINDS). */
export const FINDING_KINDS = [
  'deferral_over_limit',
  'prepayment_below_minimum',
  'credit_limit_over',
  'penalty_differs',
  'sanction_waived',
  'required_sanction_not_stated',
  'payment_form_not_allowed',
] as const satisfies readonly FindingKind[];
