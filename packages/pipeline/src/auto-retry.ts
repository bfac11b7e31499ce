import { listCallsToAutoRetry } from '@onterms/db';
import { retryCall } from '@onterms/domain';
import type { ProcessCallDeps } from './deps.ts';
import { OUTAGE_CODES } from './failures.ts';
import type { CallQueue } from './queue/call-queue.ts';

/** A call failed by an outage is retried on its own at most this many times. */
export const MAX_AUTO_RETRIES = 3;

/**
 * Retries calls that an outage of ours left `failed` (failures.ts: OUTAGE_CODES), once the outage is
 * over — this runs only when the database and the queue answer, and waits `minAgeMs` after the failure
 * so a still-broken dependency is not hammered. A call that fails the same way MAX_AUTO_RETRIES times
 * stays failed for a person to retry. Returns how many calls were sent again.
 */
export async function retryCallsFailedByOutage(
  deps: Pick<ProcessCallDeps, 'db' | 'log'>,
  queue: Pick<CallQueue, 'enqueueCall'>,
  minAgeMs: number,
): Promise<number> {
  const ids = await listCallsToAutoRetry(deps.db, {
    codes: OUTAGE_CODES,
    minAgeMs,
    maxAutoRetries: MAX_AUTO_RETRIES,
  });
  let retried = 0;
  for (const id of ids) {
    const outcome = await retryCall({ db: deps.db, queue }, id, { automatic: true });
    if (outcome.retried) retried++;
  }
  if (retried) deps.log.info({ count: retried }, 'retried calls failed by an outage');
  return retried;
}
