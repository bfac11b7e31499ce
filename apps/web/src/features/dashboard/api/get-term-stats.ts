import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TermStatsQuery, TermStatsReport } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';

export type { TermStats, TermStatsGroup, TermStatsReport } from '@onterms/contracts';

export const METRICS = ['payment_terms', 'deadline', 'sanctions', 'allThree', 'deflection'] as const;
export type Metric = (typeof METRICS)[number];

export type TermStatsParams = TermStatsQuery;
export type Range = TermStatsReport['period'];

/** `GET /api/stats/terms`: terms voiced per group in your scope, with the previous period. */
export const getTermStats = (params: TermStatsParams) =>
  api<TermStatsReport>(withQuery('/api/stats/terms', { ...params }));

export const termStatsQueryOptions = (params: TermStatsParams) =>
  queryOptions({
    queryKey: ['stats', 'terms', params] as const,
    queryFn: () => getTermStats(params),
    placeholderData: keepPreviousData,
  });

export const useTermStats = (params: TermStatsParams) => useQuery(termStatsQueryOptions(params));
