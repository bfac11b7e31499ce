import { useQuery } from '@tanstack/react-query';
import type { TermStatsQuery, TermStatsReport } from '@onterms/contracts';
import { statsQueryOptions } from '../../../lib/stats-query.ts';

export type { TermStats, TermStatsGroup, TermStatsReport } from '@onterms/contracts';

export const METRICS = ['payment_terms', 'deadline', 'sanctions', 'allThree', 'deflection'] as const;
export type Metric = (typeof METRICS)[number];

export type TermStatsParams = TermStatsQuery;
export type Range = TermStatsReport['period'];

/** `GET /api/stats/terms`: terms voiced per group in your scope, with the previous period. */
export const useTermStats = (params: TermStatsParams) =>
  useQuery(statsQueryOptions<TermStatsReport>('terms', { ...params }));
