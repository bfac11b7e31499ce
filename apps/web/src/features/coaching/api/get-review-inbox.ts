import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { CallSummary } from '@onterms/contracts';

/** Managers: unreviewed calls of their teams, those with a missing flag or a deflection first. */
export const getReviewInbox = () => api<{ items: CallSummary[] }>('/api/inbox/review');

export const reviewInboxQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.reviewInbox, queryFn: getReviewInbox });

export const useReviewInbox = () => useQuery(reviewInboxQueryOptions());
