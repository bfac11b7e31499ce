import { api, json } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
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

const refreshCall = (callId: string) => ({ refreshes: [queryKeys.call(callId), queryKeys.callsAll] });

export const useAttachTranscript = (callId: string) =>
  useRefreshingMutation((file: File) => attachTranscript(callId, file), refreshCall(callId));

export const useRetranscribe = (callId: string) =>
  useRefreshingMutation(() => retranscribe(callId), refreshCall(callId));
