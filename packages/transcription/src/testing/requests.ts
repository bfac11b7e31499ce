import type { TranscriptionRequest } from '../engine.ts';

/**
 * A request for `speechAudioPath` as most tests send one: a mono call in Russian, no rep channel,
 * never cancelled. Override what the test is about (channels, rep side, original, language).
 */
export function transcriptionRequest(
  speechAudioPath: string,
  overrides: Partial<Omit<TranscriptionRequest, 'speechAudioPath'>> = {},
): TranscriptionRequest {
  return {
    speechAudioPath,
    channels: 1,
    repChannel: null,
    language: 'ru',
    signal: new AbortController().signal,
    ...overrides,
  };
}
