import { useQuery } from '@tanstack/react-query';
import { callQueryOptions } from '../../../lib/call-query.ts';

export const useCall = (id: string) => useQuery(callQueryOptions(id, 3000));
