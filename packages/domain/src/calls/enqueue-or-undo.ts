/** The pipeline's queue as the call actions use it (BullMQ producer, or the in-process runner). */
export interface CallQueue {
  enqueueCall(callId: string, options?: { reanalyze?: boolean }): Promise<void>;
}

/**
 * The one rule for handing a changed call to the pipeline, used by every call action (upload, retry,
 * re-transcribe, attach a transcript): the change is committed first, then the job is enqueued; when
 * the queue cannot take it, `undo` puts back what the change did and the queue's error is rethrown
 * (the API answers 503). Nothing is left half-done either way.
 *
 * Why not enqueue inside the transaction instead: a worker may start the job before the transaction
 * commits, and would then read the call as it was before (a `failed` call it has nothing to do for,
 * or no row at all) — the job would be spent and the call left `queued` with no job. Committing first
 * means a job always finds the change it was queued for.
 */
export async function enqueueOrUndo(
  queue: CallQueue,
  callId: string,
  undo: () => Promise<unknown>,
  options?: { reanalyze?: boolean },
): Promise<void> {
  try {
    await queue.enqueueCall(callId, options);
  } catch (error) {
    await undo();
    throw error;
  }
}
