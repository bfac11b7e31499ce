import { useQuery } from '@tanstack/react-query';
import type { ClientSuggestions } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';

/** `GET /api/clients?q=`: known clients by name or tax id, for the upload form. */
export const searchClients = (q: string) => api<ClientSuggestions>(withQuery('/api/clients', { q }));

export const useClientSearch = (q: string) =>
  useQuery({
    queryKey: ['clients', 'search', q] as const,
    queryFn: () => searchClients(q),
    enabled: q.trim().length >= 2,
  });
