import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { ThreadView as Thread } from '@onterms/contracts';

export interface NewAnnotation {
  start: number;
  end?: number;
  segment?: number;
  tagId?: string;
  body: string;
}

export const createAnnotation = (callId: string, input: NewAnnotation) =>
  api<Thread>(`/api/calls/${encodeURIComponent(callId)}/annotations`, { method: 'POST', body: json(input) });

export const useCreateAnnotation = (callId: string) =>
  useRefreshingMutation((input: NewAnnotation) => createAnnotation(callId, input), {
    refreshes: [queryKeys.annotations(callId)],
    waitForRefresh: true,
  });
