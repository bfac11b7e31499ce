import type { PasswordReset } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { auditQueryKey } from './get-audit.ts';

/** Sets a generated password (returned in this answer only); the user's sessions end. */
export const resetPassword = (id: string) =>
  api<PasswordReset>(`/api/admin/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: json({}),
  });

export const useResetPassword = () =>
  useRefreshingMutation(resetPassword, { refreshes: [auditQueryKey], waitForRefresh: true });
