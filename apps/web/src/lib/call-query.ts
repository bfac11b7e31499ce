import { queryOptions } from '@tanstack/react-query';
import type { CallDetail } from '@onterms/contracts';
import { api } from './api-client.ts';
import { queryKeys } from './query-client.ts';

/** A call in one of these states changes only when someone acts on it: polling stops. */
const FINAL = new Set(['analyzed', 'failed']);

export const getCall = (id: string) => api<CallDetail>(`/api/calls/${encodeURIComponent(id)}`);

/**
 * `GET /api/calls/:id`, polled every `everyMs` until the call is analysed or failed. The call page and
 * the upload list share it (one cache entry per call). `beforeAnswer`: poll also while no answer has
 * come yet (a just-uploaded call's status), not only once one has.
 */
export const callQueryOptions = (id: string, everyMs: number, beforeAnswer = false) =>
  queryOptions({
    queryKey: queryKeys.call(id),
    queryFn: () => getCall(id),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status === undefined) return beforeAnswer ? everyMs : false;
      return FINAL.has(status) ? false : everyMs;
    },
  });
