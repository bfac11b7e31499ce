import {
  callsNotAnalysedWith,
  checklistAnalysisProgress,
  findCurrentChecklist,
  recordRecheckProgress,
  type ChecklistRecheck,
} from '@onterms/db';
import type { RecheckDeps, RecheckOptions, RecheckOutcome } from './recheck-calls.ts';

/**
 * Re-analyses every analysed call of the run's call type with its company checklist version, from the
 * stored segments (audio and transcript untouched; managers' corrections stay and still win). Each
 * call is analysed and stored with its policy check in its own transaction, so uploads and the
 * pipeline go on meanwhile. Idempotent and resumable: the calls still to do are those whose analysis
 * records an older checklist (or the default), so a run killed mid-way resumes where it stopped and
 * ends in the same rows. A newer checklist of the same type supersedes the run.
 */
export async function reanalyzeChecklistCalls(
  deps: RecheckDeps,
  run: ChecklistRecheck,
  options: RecheckOptions,
): Promise<RecheckOutcome> {
  const { db } = deps;
  const batchSize = options.batchSize ?? 50;
  const scope = { callType: run.callType, version: run.checklistVersion };
  // A call the pipeline analysed with the older checklist after this run passed it is picked up by
  // another pass; passes end when one finds nothing (bounded, so a call that keeps being skipped —
  // deleted or reset meanwhile — cannot keep the run going forever).
  for (let pass = 0; pass < 3; pass++) {
    let after: string | null = null;
    let touched = 0;
    for (;;) {
      if (options.signal?.aborted) return 'aborted';
      const current = await findCurrentChecklist(db, run.callType);
      if (current?.version !== run.checklistVersion) {
        await recordRecheckProgress(db, run.id, {
          ...(await checklistAnalysisProgress(db, run.callType, run.checklistVersion)),
          finished: false,
        });
        return 'superseded';
      }
      const ids = await callsNotAnalysedWith(db, { ...scope, after, limit: batchSize });
      for (const id of ids) await deps.reanalyzeCall(id);
      touched += ids.length;
      after = ids.at(-1) ?? after;
      const progress = await checklistAnalysisProgress(db, run.callType, run.checklistVersion);
      await recordRecheckProgress(db, run.id, { ...progress, finished: false });
      options.onBatch?.(progress);
      if (ids.length < batchSize) break;
    }
    if (touched === 0) break;
  }
  const progress = await checklistAnalysisProgress(db, run.callType, run.checklistVersion);
  await recordRecheckProgress(db, run.id, { ...progress, finished: true });
  return 'done';
}
