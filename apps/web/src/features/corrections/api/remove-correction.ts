import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

/** Back to the machine's verdict. */
export const removeCorrection = (callId: string, flag: string) =>
  api<void>(`/api/calls/${encodeURIComponent(callId)}/flags/${encodeURIComponent(flag)}`, {
    method: 'DELETE',
  });

export function useRemoveCorrection(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (flag: string) => removeCorrection(callId, flag),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.call(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.callsAll });
    },
  });
}
