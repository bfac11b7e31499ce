import type { FindingKind } from '@onterms/contracts';
import { everyOf } from '../lib/every-of.ts';

/** The credit-policy finding kinds, in the order the check reports them (contracts' FINDING_KINDS). */
export const FINDING_KINDS = everyOf<FindingKind>({
  deferral_over_limit: true,
  prepayment_below_minimum: true,
  credit_limit_over: true,
  penalty_differs: true,
  sanction_waived: true,
  required_sanction_not_stated: true,
  payment_form_not_allowed: true,
});
