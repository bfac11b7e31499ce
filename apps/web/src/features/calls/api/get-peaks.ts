import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import type { WaveformPeaks } from '@onterms/contracts';

/** The server's precomputed waveform; null while it is not computed yet (the API answers 409 not_ready). */
export async function getPeaks(id: string): Promise<WaveformPeaks | null> {
  try {
    return await api<WaveformPeaks>(`/api/calls/${encodeURIComponent(id)}/peaks`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_ready') return null;
    throw error;
  }
}

export const peaksQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.peaks(id), queryFn: () => getPeaks(id), staleTime: Infinity });

export const usePeaks = (id: string, enabled = true) => useQuery({ ...peaksQueryOptions(id), enabled });
