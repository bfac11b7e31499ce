import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdminTeam } from '../admin-types.ts';

export const getTeams = () => api<AdminTeam[]>('/api/admin/teams');

export const teamsQueryOptions = () => queryOptions({ queryKey: ['admin', 'teams'], queryFn: getTeams });

export const useTeams = () => useQuery(teamsQueryOptions());
