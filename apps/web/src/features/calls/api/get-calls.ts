import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { CallList } from '@onterms/contracts';

const FINAL = new Set(['analyzed', 'failed']);

/** `GET /api/calls` with the list's filters as they stand in the URL. */
export const getCalls = (params: Record<string, string>) => api<CallList>(withQuery('/api/calls', params));

export const callsQueryOptions = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.calls(params),
    queryFn: () => getCalls(params),
    placeholderData: keepPreviousData,
    // Live status: poll while any call on the page is still being processed.
    refetchInterval: (query) => (query.state.data?.items.some((c) => !FINAL.has(c.status)) ? 3000 : false),
  });

export const useCalls = (params: Record<string, string>) => useQuery(callsQueryOptions(params));
