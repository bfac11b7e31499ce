import type { Transcript } from '@onterms/contracts';
import {
  replaceSegments,
  transitionCallStatus,
  updateCallDerived,
  type Call,
  type CallDerivedFiles,
} from '@onterms/db';
import { parseTranscriptFile, stripControlCharacters } from '@onterms/transcription';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ProcessCallDeps } from '../deps.ts';
import { errorMessage, PermanentError } from '../errors.ts';

type Deps = Pick<ProcessCallDeps, 'db' | 'store' | 'engine' | 'log' | 'vocabulary'>;

export const NO_ENGINE_REASON =
  'No speech-to-text engine is configured; upload a transcript for this call or set STT_ENGINE.';

/**
 * Gets the call's transcript — the uploaded file when there is one, else the speech-to-text engine —
 * and stores its segments, moving the call `processing → transcribed` in the same transaction.
 * With neither, the call goes to `waiting` (not `failed`): it is fine, it just needs a transcript.
 * Returns 'skipped' when the call left `processing` meanwhile (deleted, reset by someone else).
 */
export async function transcribe(
  deps: Deps,
  call: Call,
  signal: AbortSignal,
): Promise<'transcribed' | 'waiting' | 'skipped'> {
  const { db } = deps;
  let transcript: Transcript;
  let source: CallDerivedFiles;

  if (call.transcriptUploadKey) {
    transcript = await readUploadedTranscript(deps, call, call.transcriptUploadKey);
    source = { transcriptSource: 'upload' };
  } else if (deps.engine && call.speechAudioKey) {
    const engine = deps.engine;
    const speechKey = call.speechAudioKey;
    // A stereo call with a known rep side is transcribed per channel from the original (speakers
    // rep/client); the engine is handed both files and decides.
    const split = call.audio.channels >= 2 && call.repChannel !== null;
    const result = await withOptionalLocalFile(deps, split ? call.audio.key : null, (originalAudioPath) =>
      deps.store.withLocalFile(speechKey, (speechAudioPath) =>
        engine.transcribe({
          speechAudioPath,
          ...(originalAudioPath && { originalAudioPath }),
          language: call.language,
          channels: call.audio.channels,
          repChannel: call.repChannel,
          ...(deps.vocabulary && { vocabulary: deps.vocabulary(call.callType, call.language) }),
          signal,
        }),
      ),
    );
    if (result.notes?.length) deps.log.info({ callId: call.id, notes: result.notes }, 'transcription notes');
    transcript = stripControlCharacters(result.transcript);
    source = {
      transcriptSource: 'stt',
      stt: {
        engine: engine.name,
        model: result.model ?? engine.model,
        audioSeconds: result.audioSeconds,
        notes: result.notes ?? [],
      },
    };
  } else {
    const moved = await transitionCallStatus(db, call.id, ['processing'], 'waiting', NO_ENGINE_REASON);
    return moved ? 'waiting' : 'skipped';
  }

  return db.transaction().execute(async (trx) => {
    if (!(await transitionCallStatus(trx, call.id, ['processing'], 'transcribed'))) return 'skipped';
    await replaceSegments(trx, call.id, transcript.segments);
    await updateCallDerived(trx, call.id, { ...source, language: transcript.language });
    return 'transcribed';
  });
}

async function readUploadedTranscript(deps: Deps, call: Call, key: string): Promise<Transcript> {
  if (!(await deps.store.exists(key))) {
    throw new PermanentError(
      'transcript_missing',
      'The uploaded transcript is missing from storage; please upload it again.',
    );
  }
  const content = await deps.store.withLocalFile(key, (path) => readFile(path, 'utf8'));
  // The stored key keeps the uploaded file's extension (.json/.vtt/.srt), which selects the parser.
  const fileName = basename(key);
  try {
    return parseTranscriptFile(fileName, content, call.language ? { language: call.language } : {});
  } catch (error) {
    throw new PermanentError(
      'transcript_invalid',
      `The uploaded transcript cannot be read: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}

function withOptionalLocalFile<T>(
  deps: Deps,
  key: string | null,
  fn: (path: string | null) => Promise<T>,
): Promise<T> {
  return key ? deps.store.withLocalFile(key, fn) : fn(null);
}
