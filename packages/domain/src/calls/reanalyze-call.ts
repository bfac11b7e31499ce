import type { Kysely } from 'kysely';
import { getSegments, type Call, type Database } from '@onterms/db';
import { AppError } from '../app-error.ts';
import { enqueueOrUndo, type CallQueue } from './enqueue-or-undo.ts';

/** Analysed again from: a call at rest with a stored transcript. */
const REANALYSABLE: Call['status'][] = ['analyzed', 'transcribed', 'failed'];

/**
 * Runs the analysis again on the stored transcript (after the rules changed, say). The call's status
 * does not change here — the job moves it — so when the queue cannot take the job there is nothing to
 * put back (the enqueue-or-undo rule with an empty undo) and the caller gets the queue's error.
 */
export async function reanalyzeCall(
  deps: { db: Kysely<Database>; queue: CallQueue },
  call: Pick<Call, 'id' | 'status'>,
): Promise<Pick<Call, 'id' | 'status'>> {
  if (!REANALYSABLE.includes(call.status) || (await getSegments(deps.db, call.id)).length === 0) {
    throw new AppError(
      'not_ready',
      'This call has no transcript yet; it is analysed as soon as it is transcribed.',
    );
  }
  await enqueueOrUndo(deps.queue, call.id, async () => {}, { reanalyze: true });
  return { id: call.id, status: call.status };
}
