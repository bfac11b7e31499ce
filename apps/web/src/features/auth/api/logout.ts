import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export const logout = () => api<void>('/api/auth/logout', { method: 'POST' });

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken('');
      client.clear();
      client.setQueryData(queryKeys.me, null);
    },
  });
}
