import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { AdminUser, Role } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  disabled?: boolean;
}

export const updateUser = ({ id, ...change }: UpdateUserInput & { id: string }) =>
  api<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: json(change) });

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: teamsQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
