import { creditPolicyLookup } from '@onterms/domain';
import type { AppDeps } from '../app.ts';
import { companyTimeZone, todayIn } from '@onterms/calendar';

/** What the client page, the outcome and the follow-up queue read: the database, the credit policy in force, and today where the company is. */
export function receivablesDeps(deps: AppDeps) {
  const timeZone = companyTimeZone(deps.config);
  return {
    db: deps.db,
    policy: deps.creditPolicy ?? creditPolicyLookup(deps.db),
    today: () => todayIn(timeZone),
  };
}
