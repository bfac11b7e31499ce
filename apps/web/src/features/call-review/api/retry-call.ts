import { api } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const retryCall = (callId: string) =>
  api<{ id: string; status: string }>(`/api/calls/${encodeURIComponent(callId)}/retry`, { method: 'POST' });

export const useRetryCall = (callId: string) =>
  useRefreshingMutation(() => retryCall(callId), { refreshes: [queryKeys.call(callId), queryKeys.callsAll] });
