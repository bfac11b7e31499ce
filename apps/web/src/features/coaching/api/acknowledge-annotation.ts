import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export interface Acknowledgement {
  status: 'acknowledged' | 'disputed';
  comment?: string;
}

export const acknowledgeAnnotation = (annotationId: string, input: Acknowledgement) =>
  api<unknown>(`/api/annotations/${encodeURIComponent(annotationId)}/acknowledge`, {
    method: 'POST',
    body: json(input),
  });

export function useAcknowledgeAnnotation(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ annotationId, ...input }: Acknowledgement & { annotationId: string }) =>
      acknowledgeAnnotation(annotationId, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.annotations(callId) });
      void client.invalidateQueries({ queryKey: queryKeys.inboxAll });
    },
  });
}
