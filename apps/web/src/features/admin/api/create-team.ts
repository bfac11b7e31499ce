import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { AdminTeam } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';

export const createTeam = (name: string) =>
  api<AdminTeam>('/api/admin/teams', { method: 'POST', body: json({ name }) });

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: teamsQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
