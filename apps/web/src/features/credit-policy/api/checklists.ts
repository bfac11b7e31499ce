import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  ChecklistVersionsResponse,
  PublishChecklistRequest,
  PublishChecklistResponse,
} from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';

const key = ['credit-policy', 'checklists'] as const;

export const getChecklists = () => api<ChecklistVersionsResponse>('/api/checklists');
/** Polled while a checklist's re-analysis runs, for its progress. */
export const useChecklists = () =>
  useQuery({
    queryKey: key,
    queryFn: getChecklists,
    refetchInterval: (query) =>
      query.state.data?.rechecks.some((r) => r.status === 'running') ? 1500 : false,
  });

export const publishChecklist = (body: PublishChecklistRequest) =>
  api<PublishChecklistResponse>('/api/checklists', { method: 'POST', body: json(body) });

export const usePublishChecklist = () => useRefreshingMutation(publishChecklist, { refreshes: [key] });

export const validateChecklist = (document: unknown) =>
  api<{ valid: true; items: string[] }>('/api/checklists/validate', {
    method: 'POST',
    body: json({ document }),
  });
export const useValidateChecklist = () => useMutation({ mutationFn: validateChecklist });

/**
 * The names of the company's own checklist items for a call type (code → name), for the call page's
 * checklist: the default items have translated names, the company's have the name it gave them.
 */
export function useChecklistItemTitles(callType: string): Record<string, string> {
  const { data } = useChecklists();
  const items = data?.items.find((v) => v.callType === callType)?.document.items;
  if (!Array.isArray(items)) return {};
  return Object.fromEntries(
    items
      .filter(
        (i): i is { id: string; title: string } => typeof i?.id === 'string' && typeof i?.title === 'string',
      )
      .filter((i) => i.title.trim() !== '')
      .map((i) => [i.id, i.title]),
  );
}
