import { useQuery } from '@tanstack/react-query';
import type { PolicyStatsResponse } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getPolicyStats = (groupBy: 'rep' | 'team' | 'week') =>
  api<PolicyStatsResponse>(withQuery('/api/stats/policy', { groupBy }));

/** Polled while calls still wait for a re-check, so the numbers catch up on their own. */
export const usePolicyStats = (groupBy: 'rep' | 'team' | 'week') =>
  useQuery({
    queryKey: policyKeys.stats(groupBy),
    queryFn: () => getPolicyStats(groupBy),
    refetchInterval: (query) => ((query.state.data?.outdatedCalls ?? 0) > 0 ? 3000 : false),
  });
