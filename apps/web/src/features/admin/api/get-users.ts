import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdminUser } from '../admin-types.ts';

export const getUsers = () => api<AdminUser[]>('/api/admin/users');

export const usersQueryOptions = () => queryOptions({ queryKey: ['admin', 'users'], queryFn: getUsers });

export const useUsers = () => useQuery(usersQueryOptions());
