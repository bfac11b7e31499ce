import { api } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';

/** Back to the machine's verdict. */
export const removeCorrection = (callId: string, flag: string) =>
  api<void>(`/api/calls/${encodeURIComponent(callId)}/flags/${encodeURIComponent(flag)}`, {
    method: 'DELETE',
  });

export const useRemoveCorrection = (callId: string) =>
  useRefreshingMutation((flag: string) => removeCorrection(callId, flag), {
    refreshes: [queryKeys.call(callId), queryKeys.callsAll],
  });
