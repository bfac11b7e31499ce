import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const createReply = (annotationId: string, body: string) =>
  api<unknown>(`/api/annotations/${encodeURIComponent(annotationId)}/replies`, {
    method: 'POST',
    body: json({ body }),
  });

export function useCreateReply(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ annotationId, body }: { annotationId: string; body: string }) =>
      createReply(annotationId, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.annotations(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.inboxAll });
    },
  });
}
