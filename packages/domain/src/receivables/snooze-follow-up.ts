import { snoozeFollowUp as storeSnooze } from '@onterms/db';
import { AppError } from '../app-error.ts';
import { listFollowUps, type FollowUpDeps } from './list-follow-ups.ts';

/**
 * Puts an open follow-up aside until a date, with the reason. Only an item the manager can see now:
 * anything else is "not found", whether it exists or not.
 */
export async function snoozeFollowUp(
  deps: FollowUpDeps,
  repIds: string[] | null,
  snooze: { key: string; until: Date; reason: string; by: string },
): Promise<void> {
  const { items } = await listFollowUps(deps, repIds);
  if (!items.some((i) => i.key === snooze.key))
    throw new AppError('not_found', 'No such open follow-up in your scope.');
  await storeSnooze(deps.db, snooze);
}
