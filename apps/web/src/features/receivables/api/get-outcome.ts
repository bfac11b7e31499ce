import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { OutcomeQuery, OutcomeReport } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';

export type OutcomeGroupBy = OutcomeQuery['groupBy'];

/** `GET /api/stats/outcome`: did clients pay on time, by rep, team or segment. */
export const getOutcome = (groupBy: OutcomeGroupBy) =>
  api<OutcomeReport>(withQuery('/api/stats/outcome', { groupBy }));

export const outcomeQueryOptions = (groupBy: OutcomeGroupBy) =>
  queryOptions({
    queryKey: ['stats', 'outcome', groupBy] as const,
    queryFn: () => getOutcome(groupBy),
    placeholderData: keepPreviousData,
  });

export const useOutcome = (groupBy: OutcomeGroupBy) => useQuery(outcomeQueryOptions(groupBy));
