import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StatsBasisResponse } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';

export type { StatsBasisResponse } from '@onterms/contracts';

/** `GET /api/stats/basis`: the policy and checklist versions the numbers come from, and any re-check running. */
export const getStatsBasis = () => api<StatsBasisResponse>('/api/stats/basis');

export const isRechecking = (basis: StatsBasisResponse | undefined) =>
  Boolean(basis?.policy?.recheck || basis?.checklists.some((c) => c.recheck));

/** Polled while a re-check runs, so its share done moves and the numbers follow when it ends. */
export const statsBasisQueryOptions = () =>
  queryOptions({
    queryKey: ['stats', 'basis'] as const,
    queryFn: getStatsBasis,
    refetchInterval: (query) => (isRechecking(query.state.data) ? 2000 : false),
  });

export const useStatsBasis = () => useQuery(statsBasisQueryOptions());
