import type { CreatedUser, CreateUserBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export type CreateUserInput = CreateUserBody;

/** Without a password the API generates one and returns it in this answer only. */
export const createUser = (input: CreateUserInput) =>
  api<CreatedUser>('/api/admin/users', { method: 'POST', body: json(input) });

export const useCreateUser = () =>
  useRefreshingMutation(createUser, {
    refreshes: [usersQueryOptions().queryKey, teamsQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
