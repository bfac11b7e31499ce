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
      // Another person's data must not survive a sign-in/out; the `me` query stays observed by the layout.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      client.setQueryData(queryKeys.me, null);
    },
  });
}
