import { checkPolicy } from '@onterms/analysis';
import {
  callsCheckedAgainst,
  callsNotCheckedAgainst,
  findCurrentPolicy,
  findRecheck,
  findSegmentsOfCallClients,
  getAnalyses,
  savePolicyChecks,
  policyCheckProgress,
  recordRecheckProgress,
  type Database,
  type PolicyRecheck,
} from '@onterms/db';
import type { Kysely } from 'kysely';
import { reanalyzeChecklistCalls } from './reanalyze-checklist-calls.ts';

export interface RecheckDeps {
  db: Kysely<Database>;
  /**
   * Analyses one stored call again with the current checklist and stores it with its policy check
   * (the pipeline's analyse step, under its call lock); used by checklist runs.
   */
  reanalyzeCall: (callId: string) => Promise<unknown>;
}

export interface RecheckOptions {
  /** Calls per transaction (default 200). */
  batchSize?: number;
  /** Stops between batches when aborted (a worker shutting down); the run resumes later. */
  signal?: AbortSignal;
  /** Called after every batch, for tests and logs. */
  onBatch?: (progress: { done: number; total: number }) => void;
}

export type RecheckOutcome = 'done' | 'superseded' | 'missing' | 'aborted';

/**
 * Runs a re-check: a policy run checks stored analyses against its version (below); a checklist run
 * re-analyses the calls of its type with its checklist version (reanalyze-checklist-calls.ts). Both
 * are idempotent and resumable, and report the same way.
 */
export async function recheckCalls(
  deps: RecheckDeps,
  recheckId: string,
  options: RecheckOptions = {},
): Promise<RecheckOutcome> {
  const run = await findRecheck(deps.db, recheckId);
  if (!run) return 'missing';
  if (run.status !== 'running') return run.status === 'done' ? 'done' : 'superseded';
  return run.kind === 'policy'
    ? recheckPolicy(deps, run, options)
    : reanalyzeChecklistCalls(deps, run, options);
}

/**
 * Re-checks every analysed call against the run's policy version, from the stored analyses (flags
 * and corrections untouched; no re-analysis). Idempotent and resumable: the calls still to do are
 * those whose stored check is missing or older than the version, so running it twice, or again after
 * a worker was killed mid-way, ends in the same rows. Each batch commits on its own, so uploads and
 * analyses go on meanwhile. A newer publish supersedes the run (its own run re-checks everything).
 */
async function recheckPolicy(
  deps: Pick<RecheckDeps, 'db'>,
  run: PolicyRecheck,
  options: RecheckOptions,
): Promise<RecheckOutcome> {
  const { db } = deps;
  const recheckId = run.id;
  const batchSize = options.batchSize ?? 200;
  for (;;) {
    if (options.signal?.aborted) return 'aborted';
    const current = await findCurrentPolicy(db);
    if (!current || current.version !== run.policyVersion) {
      await recordRecheckProgress(db, recheckId, {
        ...(await policyCheckProgress(db, run.policyVersion)),
        finished: false,
      });
      return 'superseded';
    }
    const ids = await callsNotCheckedAgainst(db, run.policyVersion, batchSize);
    if (ids.length) {
      // read the batch in a few queries, check in memory, write in one transaction
      const [analyses, segments] = await Promise.all([
        getAnalyses(db, ids),
        findSegmentsOfCallClients(db, ids),
      ]);
      const checks = [...analyses].map(([callId, analysis]) => ({
        callId,
        check: checkPolicy(analysis, current.document, segments.get(callId) ?? null),
      }));
      await db.transaction().execute(async (trx) => {
        // a call the pipeline analysed meanwhile already has its check against this version: keep it
        const fresh = await callsCheckedAgainst(trx, ids, run.policyVersion);
        await savePolicyChecks(
          trx,
          checks.filter((c) => !fresh.has(c.callId)),
        );
      });
    }
    const progress = await policyCheckProgress(db, run.policyVersion);
    await recordRecheckProgress(db, recheckId, { ...progress, finished: ids.length < batchSize });
    options.onBatch?.(progress);
    if (ids.length < batchSize) return 'done';
  }
}
