import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { ThreadView as Thread } from '@onterms/contracts';

export const getAnnotations = (callId: string) =>
  api<{ threads: Thread[] }>(`/api/calls/${encodeURIComponent(callId)}/annotations`);

export const annotationsQueryOptions = (callId: string) =>
  queryOptions({ queryKey: queryKeys.annotations(callId), queryFn: () => getAnnotations(callId) });

export const useAnnotations = (callId: string) => useQuery(annotationsQueryOptions(callId));
