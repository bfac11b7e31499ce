import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { AdminUser, Role } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export interface CreateUserInput {
  email: string;
  name?: string;
  role: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  password?: string;
}

/** Without a password the API generates one and returns it in this answer only. */
export const createUser = (input: CreateUserInput) =>
  api<{ user: AdminUser; generatedPassword: string | null }>('/api/admin/users', {
    method: 'POST',
    body: json(input),
  });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: teamsQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
