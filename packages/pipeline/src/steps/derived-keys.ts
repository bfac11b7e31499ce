import { REVIEW_COPY_EXTENSION } from '@onterms/media';

/**
 * Where a call's derived files live in the blob store, next to the original (`calls/<id>/original.*`). Deterministic per call, so re-running a step
 * overwrites (atomically) rather than adding a second copy.
 */
export function derivedKeys(callId: string) {
  return {
    speech: `calls/${callId}/speech.wav`,
    review: `calls/${callId}/review${REVIEW_COPY_EXTENSION}`,
    peaks: `calls/${callId}/peaks.json`,
  };
}
