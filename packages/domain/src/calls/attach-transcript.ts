import type { Kysely } from 'kysely';
import {
  attachTranscriptUpload,
  findCallById,
  restoreTranscriptUpload,
  type Call,
  type CallStatus,
  type Database,
} from '@onterms/db';
import { parseTranscriptFile } from '@onterms/transcription';
import { AppError } from '../app-error.ts';
import { enqueueOrUndo, type CallQueue } from './enqueue-or-undo.ts';

export interface AttachTranscriptDeps {
  db: Kysely<Database>;
  store: {
    put(key: string, body: Buffer): Promise<unknown>;
    delete(key: string): Promise<void>;
  };
  queue: CallQueue;
}

/** A call at rest takes a transcript: waiting for an engine, failed, or analysed (a better transcript). */
const ATTACHABLE: CallStatus[] = ['waiting', 'failed', 'transcribed', 'analyzed'];

/**
 * Attaches a transcript file (OnTerms JSON, WebVTT or SRT) to a call that already has its audio —
 * the way out when no speech-to-text engine is configured, or when the engine's transcript was
 * poor — and sends the call through the pipeline again, which analyses it from this transcript.
 * Returns the call as this action left it (queued). Nothing is half-done: an unreadable file stores nothing
 * (`invalid_transcript`), a busy call keeps its old transcript (`not_ready`), and when the queue is
 * unreachable the call goes back to where it was (enqueue-or-undo.ts).
 */
export async function attachTranscript(
  deps: AttachTranscriptDeps,
  call: Pick<Call, 'id' | 'status' | 'failureReason' | 'transcriptUploadKey' | 'language'>,
  file: { filename: string; content: string },
): Promise<Call> {
  try {
    parseTranscriptFile(file.filename, file.content, call.language ? { language: call.language } : {});
  } catch (error) {
    throw unreadableTranscript(file.filename, error);
  }
  const extension = /\.(json|vtt|srt)$/i.exec(file.filename)?.[0].toLowerCase() ?? '.json';
  const key = `calls/${call.id}/transcript-${Date.now()}${extension}`;
  await deps.store.put(key, Buffer.from(file.content, 'utf8'));
  const { attached, replacedKey } = await attachTranscriptUpload(deps.db, call.id, key, ATTACHABLE);
  if (!attached) {
    await deps.store.delete(key).catch(() => {});
    throw new AppError(
      'not_ready',
      'This call is being processed right now; try again when it has finished.',
    );
  }
  // The call as this action left it (queued): read before the job is queued, because a fast worker may
  // already have moved it on by the time the answer is sent, and the answer says what *this* request did.
  const attachedCall = (await findCallById(deps.db, call.id))!;
  await enqueueOrUndo(deps.queue, call.id, async () => {
    await restoreTranscriptUpload(deps.db, call.id, {
      transcriptUploadKey: call.transcriptUploadKey,
      status: call.status,
      failureReason: call.failureReason,
    });
    await deps.store.delete(key).catch(() => {});
  });
  if (replacedKey) await deps.store.delete(replacedKey).catch(() => {});
  return attachedCall;
}

/** A transcript file that cannot be read, in words for the person who sent it. */
export function unreadableTranscript(filename: string, error: unknown): AppError {
  return new AppError(
    'invalid_transcript',
    `The transcript ${filename} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
  );
}
