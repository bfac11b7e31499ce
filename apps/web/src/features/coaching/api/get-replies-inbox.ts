import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { FeedbackItem } from '@onterms/contracts';

/** Managers: threads a rep disputed or replied to, not answered since. */
export const getRepliesInbox = () => api<{ items: FeedbackItem[] }>('/api/inbox/replies');

export const repliesInboxQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.repliesInbox, queryFn: getRepliesInbox });

export const useRepliesInbox = () => useQuery(repliesInboxQueryOptions());
