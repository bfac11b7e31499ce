import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { SessionInfo as Session } from '@onterms/contracts';

/** Who is signed in, or null (401); keeps the session's CSRF token for later writes. */
export async function getMe(): Promise<Session | null> {
  try {
    const me = await api<Session>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());
