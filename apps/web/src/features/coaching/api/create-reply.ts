import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const createReply = (annotationId: string, body: string) =>
  api<unknown>(`/api/annotations/${encodeURIComponent(annotationId)}/replies`, {
    method: 'POST',
    body: json({ body }),
  });

export const useCreateReply = (callId: string) =>
  useRefreshingMutation(
    ({ annotationId, body }: { annotationId: string; body: string }) => createReply(annotationId, body),
    { refreshes: [queryKeys.annotations(callId), queryKeys.inboxAll] },
  );
