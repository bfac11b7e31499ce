import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { FeedbackItem } from '@onterms/contracts';

/** Reps: feedback on their calls still waiting for an answer. */
export const getFeedbackInbox = () => api<{ items: FeedbackItem[] }>('/api/inbox/feedback');

export const feedbackInboxQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.feedbackInbox, queryFn: getFeedbackInbox });

export const useFeedbackInbox = () => useQuery(feedbackInboxQueryOptions());
