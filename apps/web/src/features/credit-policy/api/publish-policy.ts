import type { PublishPolicyRequest, PublishPolicyResponse } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { policyKeys } from './policy-keys.ts';

export const publishPolicy = (body: PublishPolicyRequest) =>
  api<PublishPolicyResponse>('/api/credit-policy', { method: 'POST', body: json(body) });

export const usePublishPolicy = () => useRefreshingMutation(publishPolicy, { refreshes: [policyKeys.all] });
