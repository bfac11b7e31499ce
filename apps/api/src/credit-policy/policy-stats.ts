import type { PolicyStatsQuery, PolicyStatsResponse } from '@onterms/contracts';
import { countOutdatedChecks, findCurrentPolicy, queryPolicyStats, type Database } from '@onterms/db';
import type { Kysely } from 'kysely';
import { visibleRepIds } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';

const DAY = 86_400_000;

/**
 * The dashboard's breaches column: per rep, team or week over [from, to] (default: the last 12 weeks),
 * in the caller's scope, with the policy version the numbers come from and how many calls still
 * wait for a re-check against it.
 */
export async function policyStats(
  deps: { db: Kysely<Database>; timeZone: string },
  principal: Principal,
  q: PolicyStatsQuery,
): Promise<PolicyStatsResponse> {
  const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : new Date(Date.now() + DAY);
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 84 * DAY);
  const [current, repIds] = await Promise.all([
    findCurrentPolicy(deps.db),
    visibleRepIds(deps.db, principal),
  ]);
  const groups = await queryPolicyStats(deps.db, {
    repIds,
    from,
    to,
    groupBy: q.groupBy,
    timeZone: deps.timeZone,
  });
  return {
    policyVersion: current?.version ?? null,
    outdatedCalls: current ? await countOutdatedChecks(deps.db, current.version) : 0,
    groupBy: q.groupBy,
    groups,
  };
}
