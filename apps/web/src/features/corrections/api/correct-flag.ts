import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CorrectionBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export type FlagCorrection = CorrectionBody;

export const correctFlag = (callId: string, flag: string, input: FlagCorrection) =>
  api<unknown>(`/api/calls/${encodeURIComponent(callId)}/flags/${encodeURIComponent(flag)}`, {
    method: 'PUT',
    body: json(input),
  });

export function useCorrectFlag(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ flag, ...input }: FlagCorrection & { flag: string }) => correctFlag(callId, flag, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.call(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.callsAll });
    },
  });
}
