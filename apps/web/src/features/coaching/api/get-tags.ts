import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { CoachingTagView as Tag } from '@onterms/contracts';

export const getTags = () => api<Tag[]>('/api/coaching/tags');

export const tagsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.tags, queryFn: getTags, staleTime: 10 * 60_000 });

export const useTags = (enabled = true) => useQuery({ ...tagsQueryOptions(), enabled });
