import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { CreatedUser, CreateUserBody } from '@onterms/contracts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export type CreateUserInput = CreateUserBody;

/** Without a password the API generates one and returns it in this answer only. */
export const createUser = (input: CreateUserInput) =>
  api<CreatedUser>('/api/admin/users', {
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
