import { useQuery } from '@tanstack/react-query';
import type { CallPolicyResponse } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getCallPolicy = (id: string) =>
  api<CallPolicyResponse>(`/api/calls/${encodeURIComponent(id)}/policy`);

/** Polled while the call's check is older than the policy (a re-check is running). */
export const useCallPolicy = (id: string, enabled = true) =>
  useQuery({
    queryKey: policyKeys.call(id),
    queryFn: () => getCallPolicy(id),
    enabled,
    refetchInterval: (query) => (query.state.data?.check?.outdated ? 3000 : false),
  });
