import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientView } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const setClientSegment = (id: string, segment: string | null) =>
  api<ClientView>(`/api/credit-policy/clients/${encodeURIComponent(id)}/segment`, {
    method: 'PUT',
    body: json({ segment }),
  });

export function useSetClientSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; segment: string | null }) => setClientSegment(v.id, v.segment),
    onSuccess: () => void client.invalidateQueries({ queryKey: policyKeys.clientsAll }),
  });
}
