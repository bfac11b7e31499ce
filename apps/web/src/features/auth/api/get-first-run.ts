import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Whether anyone can sign in yet: a fresh install shows how to create the first user instead of a dead form. */
export const getFirstRun = () => api<{ usersExist: boolean }>('/api/auth/first-run');

export const firstRunQueryOptions = () =>
  queryOptions({ queryKey: ['first-run'], queryFn: getFirstRun, staleTime: 30_000 });

export const useFirstRun = () => useQuery(firstRunQueryOptions());
