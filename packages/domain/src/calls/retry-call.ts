import type { Kysely } from 'kysely';
import { findCallById, retryFailedCall, transitionCallStatus, type Database } from '@onterms/db';
import { enqueueOrUndo, type CallQueue } from './enqueue-or-undo.ts';

export interface RetryCallDeps {
  db: Kysely<Database>;
  queue: CallQueue;
}

export type RetryCallOutcome =
  | { retried: true; status: 'queued' | 'transcribed' }
  /** The call is not failed (already retried, processing, or analysed): nothing to do. */
  | { retried: false; status: string };

/**
 * Sends a failed call through the pipeline again, from the first step that did not finish: the
 * recording, the uploaded transcript, derived audio and a stored transcript are all kept. Whatever
 * the failure — an outage of ours or a verdict on the recording — a person may try again (a
 * recording judged damaged stays damaged, and fails the same way).
 *
 * Nothing half-done (enqueue-or-undo.ts): if the queue cannot take the job, the call goes back to
 * `failed` with its previous reason and the error is rethrown (the API answers 503).
 *
 * `automatic`: the system retrying a call failed by an outage (counted, so it does not loop forever).
 */
export async function retryCall(
  deps: RetryCallDeps,
  callId: string,
  options: { automatic?: boolean } = {},
): Promise<RetryCallOutcome> {
  const before = await findCallById(deps.db, callId);
  if (!before) return { retried: false, status: 'missing' };
  const status = await retryFailedCall(deps.db, callId, options);
  if (!status) return { retried: false, status: before.status };
  await enqueueOrUndo(deps.queue, callId, () =>
    transitionCallStatus(deps.db, callId, [status], 'failed', before.failureReason, before.failureCode),
  );
  return { retried: true, status };
}
