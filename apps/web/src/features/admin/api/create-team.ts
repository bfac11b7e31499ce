import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import type { AdminTeam } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';

export const createTeam = (name: string) =>
  api<AdminTeam>('/api/admin/teams', { method: 'POST', body: json({ name }) });

export const useCreateTeam = () =>
  useRefreshingMutation(createTeam, {
    refreshes: [teamsQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
