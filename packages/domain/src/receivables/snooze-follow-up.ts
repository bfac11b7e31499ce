import { snoozeFollowUp as storeSnooze } from '@onterms/db';
import { AppError } from '../app-error.ts';
import type { Audit } from '../audit.ts';
import { listFollowUps, type FollowUpDeps } from './list-follow-ups.ts';

/**
 * Puts an open follow-up aside until a day after today, with the reason. Only an item the manager can
 * see now: anything else is "not found", whether it exists or not. Audited as `follow_up.snoozed`.
 */
export async function snoozeFollowUp(
  deps: FollowUpDeps & { audit: Audit },
  repIds: string[] | null,
  snooze: { key: string; until: string; reason: string; by: string },
): Promise<void> {
  if (snooze.until <= deps.today()) throw new AppError('bad_request', 'Snooze until a day after today.');
  const { items } = await listFollowUps(deps, repIds);
  if (!items.some((i) => i.key === snooze.key))
    throw new AppError('not_found', 'No such open follow-up in your scope.');
  const reason = snooze.reason.trim();
  await storeSnooze(deps.db, {
    key: snooze.key,
    until: new Date(`${snooze.until}T00:00:00Z`),
    reason,
    by: snooze.by,
  });
  await deps.audit({
    action: 'follow_up.snoozed',
    objectType: 'follow_up',
    objectId: snooze.key,
    details: { until: snooze.until, reason },
  });
}
