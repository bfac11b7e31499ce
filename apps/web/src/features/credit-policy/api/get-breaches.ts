import { useQuery } from '@tanstack/react-query';
import type { PolicyBreachesResponse } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

/** The manager's «Нарушения политики» queue. */
export const getBreachesInbox = () => api<PolicyBreachesResponse>('/api/inbox/policy');
export const useBreachesInbox = () => useQuery({ queryKey: policyKeys.breaches, queryFn: getBreachesInbox });

/** The dashboard's drill-down: calls with a breach (of one rep, or everyone in scope). */
export const getBreachCalls = (repId: string) =>
  api<PolicyBreachesResponse>(withQuery('/api/stats/policy/calls', { repId }));
export const useBreachCalls = (repId: string, enabled: boolean) =>
  useQuery({ queryKey: policyKeys.drill(repId), queryFn: () => getBreachCalls(repId), enabled });
