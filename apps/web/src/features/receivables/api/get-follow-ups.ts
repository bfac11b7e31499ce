import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FollowUpQueue } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';

/** `GET /api/follow-ups`: the open follow-ups in your scope, with counters for the navigation. */
export const getFollowUps = () => api<FollowUpQueue>('/api/follow-ups');

export const followUpsQueryOptions = () =>
  queryOptions({ queryKey: ['follow-ups'] as const, queryFn: getFollowUps, refetchInterval: 60_000 });

export const useFollowUps = (enabled = true) => useQuery({ ...followUpsQueryOptions(), enabled });
