import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-client.ts';

/** Attaches a transcript file to a call that has its audio; the call is analysed from it. */
export const attachTranscript = async (callId: string, file: File) =>
  api<{ id: string; status: string }>(`/api/calls/${encodeURIComponent(callId)}/transcript`, {
    method: 'POST',
    body: json({ filename: file.name, content: await file.text() }),
  });

/** Sends the recording through speech-to-text again (once an engine is configured). */
export const retranscribe = (callId: string) =>
  api<{ id: string; status: string }>(`/api/calls/${encodeURIComponent(callId)}/retranscribe`, {
    method: 'POST',
  });

function useRefreshCall(callId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.call(callId) });
    void client.invalidateQueries({ queryKey: queryKeys.callsAll });
  };
}

export function useAttachTranscript(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: (file: File) => attachTranscript(callId, file), onSuccess: refresh });
}

export function useRetranscribe(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: () => retranscribe(callId), onSuccess: refresh });
}
