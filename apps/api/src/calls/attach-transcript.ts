import { attachTranscript, type AttachTranscriptDeps } from '@onterms/domain';
import { findCallById, type Call } from '@onterms/db';
import { AppError } from '@onterms/domain';

/** The HTTP face of the domain action: its outcomes as the API's errors, the call as it now is. */
export async function attachTranscriptToCall(
  deps: AttachTranscriptDeps,
  call: Call,
  file: { filename: string; content: string },
): Promise<Call> {
  const result = await attachTranscript(deps, call, file);
  if (result.outcome === 'unreadable') {
    throw new AppError(
      'invalid_transcript',
      `The transcript ${file.filename} cannot be read: ${result.reason}`,
    );
  }
  if (result.outcome === 'busy') {
    throw new AppError(
      'not_ready',
      'This call is being processed right now; try again when it has finished.',
    );
  }
  return (await findCallById(deps.db, call.id)) ?? call;
}
