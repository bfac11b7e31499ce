import type { Transcript } from '@onterms/contracts';
import {
  replaceSegments,
  transitionCallStatus,
  updateCallDerived,
  type Call,
  type CallDerivedFiles,
} from '@onterms/db';
import { splitsRepAndClient } from '@onterms/media';
import { parseTranscriptFile, stripControlCharacters } from '@onterms/transcription';
import type {
  TranscriptionEngine,
  TranscriptionRequest,
  TranscriptionResult,
} from '@onterms/transcription/engine';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ProcessCallDeps } from '../deps.ts';
import { errorMessage, PermanentError } from '../errors.ts';
import { createScratchDir } from '../scratch.ts';
import { assertRecordingStored, storeSpeechCopy } from './prepare-audio.ts';

type Deps = Pick<ProcessCallDeps, 'db' | 'store' | 'engine' | 'log' | 'vocabulary' | 'tmpDir'>;

export interface TranscribeHooks {
  /**
   * The call's speech audio is ready and cut for the engine — stored already, or made from the
   * original with its chunks (the CPU-heavy part) — while the requests may still go on.
   */
  onAudioPrepared?: () => void;
}

export const NO_ENGINE_REASON =
  'No speech-to-text engine is configured; upload a transcript for this call or set STT_ENGINE.';

/**
 * Gets the call's transcript — the uploaded file when there is one, else the speech-to-text engine —
 * and stores its segments, moving the call `processing → transcribed` in the same transaction.
 * With neither, the call goes to `waiting` (not `failed`): it is fine, it just needs a transcript.
 * Returns 'skipped' when the call left `processing` meanwhile (deleted, reset by someone else).
 *
 * The engine reads the stored speech copy; when there is none yet (a call's first run), it makes the
 * copy from the original, decoding once for the copy and the chunks, which it sends while the decode
 * goes on (transcription's transcribe-recording.ts); the copy is stored once it is complete, beside
 * the requests.
 */
export async function transcribe(
  deps: Deps,
  call: Call,
  signal: AbortSignal,
  hooks: TranscribeHooks = {},
): Promise<'transcribed' | 'waiting' | 'skipped'> {
  const { db } = deps;
  let transcript: Transcript;
  let source: CallDerivedFiles;

  if (call.transcriptUploadKey) {
    transcript = await readUploadedTranscript(deps, call, call.transcriptUploadKey);
    source = { transcriptSource: 'upload' };
  } else if (deps.engine) {
    const engine = deps.engine;
    const speechKey = call.speechAudioKey;
    const request = {
      language: call.language,
      channels: call.audio.channels,
      repChannel: call.repChannel,
      ...(deps.vocabulary && { vocabulary: deps.vocabulary(call.callType, call.language) }),
      signal,
    };
    // A stereo call with a known rep side is transcribed per channel from the original (speakers
    // rep/client); the engine is handed both files and decides.
    const split = splitsRepAndClient({ channels: call.audio.channels, repChannel: call.repChannel });
    const result =
      speechKey !== null && (await deps.store.exists(speechKey))
        ? await withOptionalLocalFile(deps, split ? call.audio.key : null, (originalAudioPath) =>
            deps.store.withLocalFile(speechKey, (speechAudioPath) => {
              hooks.onAudioPrepared?.();
              return engine.transcribe({
                ...request,
                speechAudioPath,
                ...(originalAudioPath && { originalAudioPath }),
              });
            }),
          )
        : await transcribeFromOriginal(deps, call, engine, request, hooks);
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

/**
 * The engine makes the speech copy from the original while it cuts and sends the chunks; once the
 * copy is complete it is stored and recorded beside the requests (a retry then reads it). Nothing is
 * stored half-written: the copy goes to the store only complete, and the scratch directory goes.
 * A copy that could not be stored after a successful transcription is only logged — the transcript is
 * what the call needs, and a re-transcription makes the copy again.
 */
async function transcribeFromOriginal(
  deps: Deps,
  call: Call,
  engine: TranscriptionEngine,
  request: Omit<TranscriptionRequest, 'speechAudioPath'>,
  hooks: TranscribeHooks,
): Promise<TranscriptionResult> {
  await assertRecordingStored(deps, call);
  const work = await createScratchDir(deps.tmpDir ?? tmpdir(), call.id);
  try {
    return await deps.store.withLocalFile(call.audio.key, async (originalAudioPath) => {
      const speechAudioPath = join(work, 'speech.wav');
      let storing: Promise<unknown> = Promise.resolve();
      const [transcribed] = await Promise.allSettled([
        engine.transcribe({
          ...request,
          speechAudioPath,
          originalAudioPath,
          makeSpeechAudio: {
            onPrepared: () => {
              storing = storeSpeechCopy(deps, call, speechAudioPath);
              hooks.onAudioPrepared?.();
            },
          },
        }),
      ]);
      // onPrepared has run by now if it ever will; the store reads the copy before the scratch goes.
      const [stored] = await Promise.allSettled([storing]);
      if (transcribed.status === 'rejected') throw transcribed.reason;
      if (stored.status === 'rejected') {
        deps.log.warn({ callId: call.id, err: stored.reason }, 'speech copy not stored; kept the transcript');
      }
      return transcribed.value;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
