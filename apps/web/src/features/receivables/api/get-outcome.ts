import { useQuery } from '@tanstack/react-query';
import type { OutcomeQuery, OutcomeReport } from '@onterms/contracts';
import { statsQueryOptions } from '../../../lib/stats-query.ts';

export type OutcomeGroupBy = OutcomeQuery['groupBy'];

/** `GET /api/stats/outcome`: did clients pay on time, by rep, team or segment. */
export const useOutcome = (groupBy: OutcomeGroupBy) =>
  useQuery(statsQueryOptions<OutcomeReport>('outcome', { groupBy }));
