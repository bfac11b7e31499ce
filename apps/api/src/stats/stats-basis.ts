import type { StatsBasisResponse } from '@onterms/contracts';
import {
  findCurrentChecklist,
  findCurrentPolicy,
  latestChecklistRechecks,
  latestRecheck,
  type Database,
} from '@onterms/db';
import type { Kysely } from 'kysely';

const CALL_TYPES = ['credit_negotiation', 'collection'] as const;

/** A run still going, as the share done; null when none is. */
const share = (run: { status: string; done: number; total: number } | null | undefined) =>
  run?.status === 'running' ? { done: run.done, total: run.total } : null;

/** Which policy and checklist versions the dashboard's numbers come from, and any re-check going on. */
export async function statsBasis(db: Kysely<Database>): Promise<StatsBasisResponse> {
  const [policy, policyRun, checklistRuns, ...checklists] = await Promise.all([
    findCurrentPolicy(db),
    latestRecheck(db),
    latestChecklistRechecks(db),
    ...CALL_TYPES.map((t) => findCurrentChecklist(db, t)),
  ]);
  return {
    policy: policy
      ? {
          version: policy.version,
          recheck: policyRun?.policyVersion === policy.version ? share(policyRun) : null,
        }
      : null,
    checklists: CALL_TYPES.map((callType, i) => {
      const version = checklists[i]?.version ?? null;
      const run = checklistRuns.find((r) => r.callType === callType && r.checklistVersion === version);
      return { callType, version, recheck: share(run) };
    }),
  };
}
