import type { AdminUser, UpdateUserBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { auditQueryKey } from './get-audit.ts';
import { teamsQueryOptions } from './get-teams.ts';
import { usersQueryOptions } from './get-users.ts';

export type UpdateUserInput = UpdateUserBody;

export const updateUser = ({ id, ...change }: UpdateUserInput & { id: string }) =>
  api<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: json(change) });

export const useUpdateUser = () =>
  useRefreshingMutation(updateUser, {
    refreshes: [usersQueryOptions().queryKey, teamsQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
