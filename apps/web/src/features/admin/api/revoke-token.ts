import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdminToken } from '../admin-types.ts';
import { auditQueryKey } from './get-audit.ts';
import { tokensQueryOptions } from './get-tokens.ts';

export const revokeToken = (id: string) =>
  api<AdminToken>(`/api/admin/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
