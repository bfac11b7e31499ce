import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { InboxCounts } from '@onterms/contracts';

/** The navigation's counters; refreshed every minute and after any coaching change (the `inbox` key). */
export const getInboxCounts = () => api<InboxCounts>('/api/inbox/counts');

export const inboxCountsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.inboxCounts, queryFn: getInboxCounts, refetchInterval: 60_000 });

export const useInboxCounts = (enabled = true) => useQuery({ ...inboxCountsQueryOptions(), enabled });
