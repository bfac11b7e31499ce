import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

export interface RefreshOptions {
  /** The queries the change makes stale; each is invalidated (and refetched if observed) on success. */
  refreshes: readonly QueryKey[];
  /**
   * Keep the mutation pending until those queries have refetched, so that whatever closes or resets
   * on success already shows the new data. Otherwise they refetch in the background.
   */
  waitForRefresh?: boolean;
}

/** A mutation that refreshes the queries it makes stale once it succeeds. */
export function useRefreshingMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  { refreshes, waitForRefresh = false }: RefreshOptions,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      const refreshed = Promise.all(refreshes.map((queryKey) => client.invalidateQueries({ queryKey })));
      if (waitForRefresh) await refreshed;
    },
  });
}
