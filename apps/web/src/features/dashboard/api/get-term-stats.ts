import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client.ts';

export const METRICS = ['payment_terms', 'deadline', 'sanctions', 'allThree', 'deflection'] as const;
export type Metric = (typeof METRICS)[number];

export interface TermCounts {
  analysed: number;
  failed: number;
  pending: number;
  payment_terms: number;
  deadline: number;
  sanctions: number;
  allThree: number;
  deflection: number;
}
export interface TermStats {
  counts: TermCounts;
  shares: Record<Metric, number | null>;
}
export interface Range {
  from: string;
  to: string;
}
export interface TermStatsGroup extends Range {
  key: string | null;
  label: string | null;
  current: TermStats;
  previous: TermStats | null;
  trend: TermStats[];
}
export interface FlagTrust {
  flag: string;
  corrections: number;
  agreements: number;
  rate: number | null;
}
export interface TermStatsReport {
  timeZone: string;
  groupBy: 'rep' | 'team' | 'week' | 'month';
  period: Range;
  previousPeriod: Range;
  total: { current: TermStats; previous: TermStats };
  weeks: Range[];
  groups: TermStatsGroup[];
  trust: FlagTrust[];
}

export interface TermStatsParams {
  from?: string;
  to?: string;
  groupBy: 'rep' | 'team' | 'week' | 'month';
  callType?: string;
  teamId?: string;
  repId?: string;
}

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
