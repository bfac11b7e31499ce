import type { Kysely } from 'kysely';
import { listClientIds, outcomeReport, type Database, type OutcomeReport } from '@onterms/db';
import type { CreditPolicyLookup } from '../credit-policy/credit-policy-lookup.ts';

export interface OutcomeDeps {
  db: Kysely<Database>;
  policy: CreditPolicyLookup;
  today: () => string;
}

/** Whether clients paid, by rep, team or client segment, in the caller's scope (`repIds`, null: everyone). */
export async function getOutcome(
  deps: OutcomeDeps,
  repIds: string[] | null,
  groupBy: 'rep' | 'team' | 'segment',
): Promise<OutcomeReport> {
  const segments =
    groupBy === 'segment'
      ? [...(await deps.policy.segments(await listClientIds(deps.db))).entries()].map(
          ([clientId, segment]) => ({
            clientId,
            segment,
          }),
        )
      : [];
  return outcomeReport(deps.db, { repIds, today: deps.today(), groupBy, segments });
}
