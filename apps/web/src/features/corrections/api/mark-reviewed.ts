import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const markReviewed = (callId: string) =>
  api<unknown>(`/api/calls/${encodeURIComponent(callId)}/review`, { method: 'POST' });

export function useMarkReviewed(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => markReviewed(callId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.call(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.reviewInbox });
      void client.invalidateQueries({ queryKey: queryKeys.callsAll });
    },
  });
}
