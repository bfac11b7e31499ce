import { queryOptions, useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { CallDetail } from '@onterms/contracts';

const FINAL = new Set(['analyzed', 'failed']);

/** The status of a just-uploaded call (the call's own endpoint; polled until analysed or failed). */
export const getCallStatus = (id: string) => api<CallDetail>(`/api/calls/${encodeURIComponent(id)}`);

export const callStatusQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.call(id),
    queryFn: () => getCallStatus(id),
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 2000),
  });

export const useCallStatuses = (ids: string[]) => useQueries({ queries: ids.map(callStatusQueryOptions) });
