import { useQuery } from '@tanstack/react-query';
import type { ClientsResponse } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getClients = (q: string) => api<ClientsResponse>(withQuery('/api/credit-policy/clients', { q }));
export const useClients = (q: string) =>
  useQuery({ queryKey: policyKeys.clients(q), queryFn: () => getClients(q) });
