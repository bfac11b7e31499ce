import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
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

export function useCreateAnnotation(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAnnotation) => createAnnotation(callId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.annotations(callId) }),
  });
}
