import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { CallDetail } from '@onterms/contracts';

const FINAL = new Set(['analyzed', 'failed']);

export const getCall = (id: string) => api<CallDetail>(`/api/calls/${encodeURIComponent(id)}`);

export const callQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.call(id),
    queryFn: () => getCall(id),
    refetchInterval: (query) => (query.state.data && !FINAL.has(query.state.data.status) ? 3000 : false),
  });

export const useCall = (id: string) => useQuery(callQueryOptions(id));
