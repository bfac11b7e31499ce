import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordReset } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { auditQueryKey } from './get-audit.ts';

/** Sets a generated password (returned in this answer only); the user's sessions end. */
export const resetPassword = (id: string) =>
  api<PasswordReset>(`/api/admin/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: json({}),
  });

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => client.invalidateQueries({ queryKey: auditQueryKey }),
  });
}
