import type { ClientView } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { policyKeys } from './policy-keys.ts';

export const setClientSegment = (id: string, segment: string | null) =>
  api<ClientView>(`/api/credit-policy/clients/${encodeURIComponent(id)}/segment`, {
    method: 'PUT',
    body: json({ segment }),
  });

export const useSetClientSegment = () =>
  useRefreshingMutation((v: { id: string; segment: string | null }) => setClientSegment(v.id, v.segment), {
    refreshes: [policyKeys.clientsAll],
  });
