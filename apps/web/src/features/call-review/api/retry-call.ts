import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const retryCall = (callId: string) =>
  api<{ id: string; status: string }>(`/api/calls/${encodeURIComponent(callId)}/retry`, { method: 'POST' });

export function useRetryCall(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => retryCall(callId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.call(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.callsAll });
    },
  });
}
