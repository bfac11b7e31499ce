import { useQuery } from '@tanstack/react-query';
import type { PolicyVersionsResponse } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getVersions = () => api<PolicyVersionsResponse>('/api/credit-policy/versions');
export const useVersions = () => useQuery({ queryKey: policyKeys.versions, queryFn: getVersions });
