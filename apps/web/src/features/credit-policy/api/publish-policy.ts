import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublishPolicyRequest, PublishPolicyResponse } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const publishPolicy = (body: PublishPolicyRequest) =>
  api<PublishPolicyResponse>('/api/credit-policy', { method: 'POST', body: json(body) });

export function usePublishPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: publishPolicy,
    onSuccess: () => void client.invalidateQueries({ queryKey: policyKeys.all }),
  });
}
