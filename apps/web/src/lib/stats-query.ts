import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './api-client.ts';

type Query = Parameters<typeof withQuery>[1];

/**
 * `GET /api/stats/<report>?<query>`, keyed `['stats', report, query]` so that a finished re-check
 * refreshes every report at once through `['stats']`. The report on screen stays while the next loads.
 */
export const statsQueryOptions = <T>(report: string, query: Query) =>
  queryOptions({
    queryKey: ['stats', report, query] as const,
    queryFn: () => api<T>(withQuery(`/api/stats/${report}`, query)),
    placeholderData: keepPreviousData,
  });
