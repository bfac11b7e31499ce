import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, setCsrfToken } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { SessionInfo as Session } from '@onterms/contracts';

export async function login(input: { email: string; password: string }): Promise<Session> {
  const session = await api<Session>('/api/auth/login', { method: 'POST', body: json(input) });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Another person's data must not survive a sign-in/out; the `me` query stays observed by the layout.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      client.setQueryData(queryKeys.me, session);
    },
  });
}
