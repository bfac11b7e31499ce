import type { CallStatus } from '@onterms/db';
import { resolvePromiseDue } from '@onterms/analysis';
import { dayIn } from '@onterms/calendar';
import { findCallById, getSegments, lockCallStatus, replaceCallPromises, saveAnalysis } from '@onterms/db';
import { checkCallAgainstPolicy, companyChecklist } from '@onterms/domain';
import type { ProcessCallDeps } from '../deps.ts';

type Deps = Pick<ProcessCallDeps, 'db' | 'analyze' | 'log' | 'timeZone'>;

/**
 * Analyses the stored segments and stores the verdict, moving the call to `analyzed`. The analysis is
 * computed outside any transaction; the write re-checks the call's status under a row lock, so a call
 * deleted or reset meanwhile is left alone ('skipped'). `saveAnalysis` replaces the previous verdict,
 * so running this twice leaves the same rows.
 *
 * The same transaction checks the call against the current credit policy (if one is published), so
 * an analysed call always has its findings.
 *
 * `from`: the statuses this run may start from — `transcribed` in the pipeline; `transcribed` or
 * `analyzed` for a re-analysis (one call, or a published checklist's re-check of every call).
 */
export async function analyse(
  deps: Deps,
  callId: string,
  from: CallStatus[],
): Promise<'analyzed' | 'skipped'> {
  const { db } = deps;
  const call = await findCallById(db, callId);
  if (!call || !from.includes(call.status)) return 'skipped';
  const segments = await getSegments(db, callId);
  // The transcribe step always records the transcript's language on the call.
  const company = await companyChecklist(db, call.callType);
  const result = await deps.analyze(
    { language: call.language ?? 'ru', segments },
    call.callType,
    ...(company ? [company.checklist] : []),
  );

  return db.transaction().execute(async (trx) => {
    const status = await lockCallStatus(trx, callId);
    if (!status || !from.includes(status)) return 'skipped';
    // the checklist version used is recorded, so a newer checklist's re-check finds this call
    await saveAnalysis(trx, callId, result, company?.version ?? null);
    // after the flags, in the same transaction: the call is checked against the policy current now
    await checkCallAgainstPolicy(trx, callId, result);
    // Promises are checked against later payments by the day they name, counted from the day of the
    // call where the company is (a call at 00:30 in Moscow is not yesterday's).
    const callDay = dayIn(call.recordedAt, deps.timeZone);
    await replaceCallPromises(
      trx,
      callId,
      (result.promises ?? []).map((p) => ({ ...p, dueOn: resolvePromiseDue(p.due, callDay) })),
    );
    return 'analyzed';
  });
}
