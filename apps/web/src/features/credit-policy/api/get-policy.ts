import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurrentPolicyResponse } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getPolicy = () => api<CurrentPolicyResponse>('/api/credit-policy');

/** The current version and the latest re-check; polled while a re-check runs, for its progress. */
export const policyQueryOptions = () =>
  queryOptions({
    queryKey: policyKeys.current,
    queryFn: getPolicy,
    refetchInterval: (query) => (query.state.data?.recheck?.status === 'running' ? 1500 : false),
  });

export const usePolicy = () => useQuery(policyQueryOptions());
