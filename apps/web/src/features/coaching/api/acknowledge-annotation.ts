import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
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

export const useAcknowledgeAnnotation = (callId: string) =>
  useRefreshingMutation(
    ({ annotationId, ...input }: Acknowledgement & { annotationId: string }) =>
      acknowledgeAnnotation(annotationId, input),
    { refreshes: [queryKeys.annotations(callId), queryKeys.inboxAll] },
  );
