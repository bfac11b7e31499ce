import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import type { CreatedToken, CreateTokenBody } from '@onterms/contracts';
import { auditQueryKey } from './get-audit.ts';
import { tokensQueryOptions } from './get-tokens.ts';

export type CreateTokenInput = CreateTokenBody;

/** The secret is in this answer only: the API keeps just its hash. */
export const createToken = (input: CreateTokenInput) =>
  api<CreatedToken>('/api/admin/tokens', { method: 'POST', body: json(input) });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: auditQueryKey }),
      ]),
  });
}
