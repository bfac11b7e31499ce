import type { Kysely } from 'kysely';
import { requeueForTranscription, transitionCallStatus, type Call, type Database } from '@onterms/db';
import { AppError } from '../app-error.ts';
import { enqueueOrUndo, type CallQueue } from './enqueue-or-undo.ts';

/**
 * Sends the recording through speech-to-text again (after changing the engine, say), then the
 * analysis. Not for a call whose transcript was uploaded with it (`conflict`), nor while the call is
 * in the pipeline (`not_ready`). When the queue cannot take the job the call goes back to the status
 * and failure it had (enqueue-or-undo.ts).
 */
export async function retranscribeCall(
  deps: { db: Kysely<Database>; queue: CallQueue },
  call: Pick<Call, 'id' | 'status' | 'failureReason' | 'failureCode' | 'transcriptUploadKey'>,
): Promise<{ id: string; status: 'queued' }> {
  if (call.transcriptUploadKey) {
    throw new AppError(
      'conflict',
      'This call uses the transcript uploaded with it; upload the recording without one to transcribe it.',
    );
  }
  if (!(await requeueForTranscription(deps.db, call.id))) {
    throw new AppError(
      'not_ready',
      'This call is being processed right now; try again when it has finished.',
    );
  }
  await enqueueOrUndo(deps.queue, call.id, () =>
    transitionCallStatus(deps.db, call.id, ['queued'], call.status, call.failureReason, call.failureCode),
  );
  return { id: call.id, status: 'queued' };
}
