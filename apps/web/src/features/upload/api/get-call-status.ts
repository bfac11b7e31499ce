import { useQueries } from '@tanstack/react-query';
import { callQueryOptions } from '../../../lib/call-query.ts';

/** The statuses of just-uploaded calls (the call's own endpoint; polled until analysed or failed). */
export const useCallStatuses = (ids: string[]) =>
  useQueries({ queries: ids.map((id) => callQueryOptions(id, 2000, true)) });
