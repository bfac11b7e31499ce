import { api } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import type { AdminToken } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { tokensQueryOptions } from './get-tokens.ts';

export const revokeToken = (id: string) =>
  api<AdminToken>(`/api/admin/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useRevokeToken = () =>
  useRefreshingMutation(revokeToken, {
    refreshes: [tokensQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
