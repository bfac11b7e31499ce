import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { AdminUser, UpdateUserBody } from '@onterms/contracts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export type UpdateUserInput = UpdateUserBody;

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
