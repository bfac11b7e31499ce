import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientPageView } from '@onterms/contracts';
import { api } from '../../../lib/api-client.ts';

/** `GET /api/clients/:id`: invoices, payments, calls, promises and risk of one client. */
export const getClientPage = (id: string) => api<ClientPageView>(`/api/clients/${encodeURIComponent(id)}`);

export const clientPageQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['clients', id] as const, queryFn: () => getClientPage(id) });

export const useClientPage = (id: string) => useQuery(clientPageQueryOptions(id));
