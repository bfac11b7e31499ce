import type { CorrectionBody } from '@onterms/contracts';
import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryKeys } from '../../../lib/query-client.ts';

export type FlagCorrection = CorrectionBody;

export const correctFlag = (callId: string, flag: string, input: FlagCorrection) =>
  api<unknown>(`/api/calls/${encodeURIComponent(callId)}/flags/${encodeURIComponent(flag)}`, {
    method: 'PUT',
    body: json(input),
  });

export const useCorrectFlag = (callId: string) =>
  useRefreshingMutation(
    ({ flag, ...input }: FlagCorrection & { flag: string }) => correctFlag(callId, flag, input),
    { refreshes: [queryKeys.call(callId), queryKeys.callsAll] },
  );
