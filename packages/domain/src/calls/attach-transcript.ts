import type { Kysely } from 'kysely';
import type { Transcript } from '@onterms/contracts';
import {
  attachTranscriptUpload,
  restoreTranscriptUpload,
  type Call,
  type CallStatus,
  type Database,
} from '@onterms/db';
import { parseTranscriptFile } from '@onterms/transcription';

export interface AttachTranscriptDeps {
  db: Kysely<Database>;
  store: {
    put(key: string, body: Buffer): Promise<unknown>;
    delete(key: string): Promise<void>;
  };
  queue: { enqueueCall(callId: string): Promise<void> };
}

export type AttachTranscriptResult =
  | { outcome: 'attached'; transcript: Transcript }
  | { outcome: 'unreadable'; reason: string }
  | { outcome: 'busy' };

/** A call at rest takes a transcript: waiting for an engine, failed, or analysed (a better transcript). */
const ATTACHABLE: CallStatus[] = ['waiting', 'failed', 'transcribed', 'analyzed'];

/**
 * Attaches a transcript file (OnTerms JSON, WebVTT or SRT) to a call that already has its audio —
 * the way out when no speech-to-text engine is configured, or when the engine's transcript was
 * poor — and sends the call through the pipeline again, which analyses it from this transcript.
 * Nothing is half-done: an unreadable file stores nothing, a busy call keeps its old transcript, and
 * when the queue is unreachable the call goes back to where it was.
 */
export async function attachTranscript(
  deps: AttachTranscriptDeps,
  call: Pick<Call, 'id' | 'status' | 'failureReason' | 'transcriptUploadKey' | 'language'>,
  file: { filename: string; content: string },
): Promise<AttachTranscriptResult> {
  let transcript: Transcript;
  try {
    transcript = parseTranscriptFile(
      file.filename,
      file.content,
      call.language ? { language: call.language } : {},
    );
  } catch (error) {
    return { outcome: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const extension = /\.(json|vtt|srt)$/i.exec(file.filename)?.[0].toLowerCase() ?? '.json';
  const key = `calls/${call.id}/transcript-${Date.now()}${extension}`;
  await deps.store.put(key, Buffer.from(file.content, 'utf8'));
  const { attached, replacedKey } = await attachTranscriptUpload(deps.db, call.id, key, ATTACHABLE);
  if (!attached) {
    await deps.store.delete(key).catch(() => {});
    return { outcome: 'busy' };
  }
  try {
    await deps.queue.enqueueCall(call.id);
  } catch (error) {
    await restoreTranscriptUpload(deps.db, call.id, {
      transcriptUploadKey: call.transcriptUploadKey,
      status: call.status,
      failureReason: call.failureReason,
    });
    await deps.store.delete(key).catch(() => {});
    throw error;
  }
  if (replacedKey) await deps.store.delete(replacedKey).catch(() => {});
  return { outcome: 'attached', transcript };
}
