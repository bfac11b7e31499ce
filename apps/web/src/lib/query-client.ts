import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // 4xx answers are final (not found, not allowed, not built yet); retry only network and 5xx once.
        retry: (count, error) =>
          count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** Query keys shared across features, so a mutation in one feature refreshes another's data. */
export const queryKeys = {
  me: ['me'] as const,
  calls: (params: Record<string, string>) => ['calls', params] as const,
  callsAll: ['calls'] as const,
  call: (id: string) => ['call', id] as const,
  peaks: (id: string) => ['peaks', id] as const,
  annotations: (callId: string) => ['annotations', callId] as const,
  tags: ['tags'] as const,
  feedbackInbox: ['inbox', 'feedback'] as const,
  reviewInbox: ['inbox', 'review'] as const,
  repliesInbox: ['inbox', 'replies'] as const,
  inboxCounts: ['inbox', 'counts'] as const,
  inboxAll: ['inbox'] as const,
};
