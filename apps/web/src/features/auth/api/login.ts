import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, setCsrfToken } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { Session } from '../../../types/api.ts';

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
      client.clear();
      client.setQueryData(queryKeys.me, session);
    },
  });
}
