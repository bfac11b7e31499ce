import type { CreatedToken, CreateTokenBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { auditQueryKey } from './get-audit.ts';
import { tokensQueryOptions } from './get-tokens.ts';

export type CreateTokenInput = CreateTokenBody;

/** The secret is in this answer only: the API keeps just its hash. */
export const createToken = (input: CreateTokenInput) =>
  api<CreatedToken>('/api/admin/tokens', { method: 'POST', body: json(input) });

export const useCreateToken = () =>
  useRefreshingMutation(createToken, {
    refreshes: [tokensQueryOptions().queryKey, auditQueryKey],
    waitForRefresh: true,
  });
