import type { SnoozeFollowUpBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { followUpsQueryOptions } from './get-follow-ups.ts';

/** `POST /api/follow-ups/snoozes`: a manager puts an item aside until a date, with a reason. */
export const snoozeFollowUp = (body: SnoozeFollowUpBody) =>
  api<void>('/api/follow-ups/snoozes', { method: 'POST', body: json(body) });

export const useSnoozeFollowUp = () =>
  useRefreshingMutation(snoozeFollowUp, {
    refreshes: [followUpsQueryOptions().queryKey],
    waitForRefresh: true,
  });
