import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import type { AdminTeam } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export const renameTeam = ({ id, name }: { id: string; name: string }) =>
  api<AdminTeam>(`/api/admin/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: json({ name }) });

export const useRenameTeam = () =>
  useRefreshingMutation(renameTeam, {
    // users show their team's name
    refreshes: [teamsQueryOptions().queryKey, usersQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
