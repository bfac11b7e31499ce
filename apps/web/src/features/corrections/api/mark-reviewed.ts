import { api } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const markReviewed = (callId: string) =>
  api<unknown>(`/api/calls/${encodeURIComponent(callId)}/review`, { method: 'POST' });

export const useMarkReviewed = (callId: string) =>
  useRefreshingMutation(() => markReviewed(callId), {
    refreshes: [queryKeys.call(callId), queryKeys.reviewInbox, queryKeys.callsAll],
  });
