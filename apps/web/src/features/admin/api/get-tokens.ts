import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdminToken } from '../admin-types.ts';

export const getTokens = () => api<AdminToken[]>('/api/admin/tokens');

export const tokensQueryOptions = () => queryOptions({ queryKey: ['admin', 'tokens'], queryFn: getTokens });

export const useTokens = () => useQuery(tokensQueryOptions());
