import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SnoozeFollowUpBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { followUpsQueryOptions } from './get-follow-ups.ts';

/** `POST /api/follow-ups/snoozes`: a manager puts an item aside until a date, with a reason. */
export const snoozeFollowUp = (body: SnoozeFollowUpBody) =>
  api<void>('/api/follow-ups/snoozes', { method: 'POST', body: json(body) });

export function useSnoozeFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: snoozeFollowUp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpsQueryOptions().queryKey }),
  });
}
