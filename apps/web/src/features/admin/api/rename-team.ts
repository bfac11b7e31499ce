import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { AdminTeam } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export const renameTeam = ({ id, name }: { id: string; name: string }) =>
  api<AdminTeam>(`/api/admin/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: json({ name }) });

export function useRenameTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: renameTeam,
    // users show their team's name
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: teamsQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
