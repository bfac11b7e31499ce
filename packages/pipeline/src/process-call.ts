import { findCallById, transitionCallStatus, type CallStatus } from '@onterms/db';
import type { ProcessCallDeps } from './deps.ts';
import { gaveUpFailure, permanentFailure } from './failures.ts';
import type { JobOutcome } from './jobs.ts';
import { analyse } from './steps/analyse.ts';
import { PLAYER_COPIES, prepareAudio, TRANSCRIPTION_COPY } from './steps/prepare-audio.ts';
import { StepTimes } from './step-times.ts';
import { transcribe } from './steps/transcribe.ts';

/** Statuses a call can be (re)started from; `waiting`, `analyzed` and `failed` are at rest. */
const RUNNABLE: CallStatus[] = ['queued', 'processing', 'transcribed'];
const UNFINISHED: CallStatus[] = ['queued', 'processing', 'transcribed'];

export interface ProcessCallOptions {
  signal?: AbortSignal;
}

/**
 * The pipeline for one call: prepare audio (probe, speech copy, review copy, peaks) → transcribe
 * (uploaded transcript, or an engine) → analyse → store.
 *
 * Statuses: queued → processing → transcribed → analyzed; → waiting when there is no transcript and no
 * engine; → failed with a plain-language reason for a permanent problem (returned as `failed`, so the
 * runner does not retry). Transient errors are thrown for the runner to retry: the call stays
 * `processing`/`transcribed`, and the next attempt resumes — each step skips output that already exists.
 *
 * Safe to run twice, concurrently or after a crash: status moves are guarded transitions, stored rows are
 * replaced rather than appended, and derived files have one deterministic key per call.
 */
export async function processCall(
  deps: ProcessCallDeps,
  callId: string,
  options: ProcessCallOptions = {},
): Promise<JobOutcome> {
  const { db, log } = deps;
  const signal = options.signal ?? new AbortController().signal;
  const times = new StepTimes();
  const call = await times.time('db.read', () => findCallById(db, callId));
  if (!call || !RUNNABLE.includes(call.status)) {
    log.debug({ callId, status: call?.status ?? 'missing' }, 'nothing to do');
    return call ? { status: 'skipped' } : { status: 'skipped', missing: true };
  }
  try {
    if (call.status !== 'transcribed') {
      const started = await times.time('db.transition', () =>
        transitionCallStatus(db, callId, ['queued', 'processing'], 'processing'),
      );
      if (!started) return { status: 'skipped' };
      // With a speech-to-text engine to run, the engine makes the speech copy from the original
      // itself (unless one is stored), its chunks encoded and sent while the decode goes on (the
      // transcribe step). The review copy and peaks — an Opus encode, ~35–45× a bare decode of CPU
      // for a long call — start once the chunks are cut, beside the requests, so they do not take
      // the core the chunk encoders run on. Otherwise there is nothing to overlap: one ffmpeg run
      // makes all three first, as before.
      const overlap = deps.engine !== null && !call.transcriptUploadKey;
      const speechAudioKey = overlap
        ? call.speechAudioKey
        : (await prepareAudio(deps, call, times, [...TRANSCRIPTION_COPY, ...PLAYER_COPIES])).speechAudioKey;
      signal.throwIfAborted();
      let player: Promise<unknown> = Promise.resolve();
      const startPlayer = () => {
        player = prepareAudio(deps, call, times, PLAYER_COPIES);
        player.catch(() => {}); // settled and thrown below, after the transcription
      };
      const transcribing = (async () => {
        // The row is read again only before a billed speech-to-text run (a call deleted or reset
        // meanwhile must not be sent); an uploaded transcript is stored by a guarded transition
        // that skips such a call anyway.
        const prepared = call.transcriptUploadKey
          ? { ...call, status: 'processing' as const, speechAudioKey }
          : await times.time('db.read', () => findCallById(db, callId));
        if (!prepared || prepared.status !== 'processing') return 'skipped' as const;
        return times.time('transcribe', () =>
          transcribe(deps, prepared, signal, overlap ? { onAudioPrepared: startPlayer } : {}),
        );
      })();
      // Both settle before anything is thrown, so no ffmpeg outlives the attempt. A transcript
      // stored while the player copies failed is kept: the retry resumes at `transcribed` and
      // makes only the missing copies (below), never billing the engine twice.
      const [transcribed] = await Promise.allSettled([transcribing]);
      // Started (if at all) by the time the transcription has settled.
      const [copies] = await Promise.allSettled([player]);
      if (transcribed.status === 'rejected') throw transcribed.reason;
      if (transcribed.value !== 'transcribed') return { status: transcribed.value };
      if (copies.status === 'rejected') throw copies.reason;
      signal.throwIfAborted();
    } else {
      await prepareAudio(deps, call, times, PLAYER_COPIES);
    }
    const analysed = await times.time('analyse', () => analyse(deps, callId, ['transcribed']));
    if (analysed === 'analyzed') log.info({ callId, ms: times.ms }, 'call analysed');
    return { status: analysed };
  } catch (error) {
    const failure = permanentFailure(error);
    if (failure === null) throw error;
    await transitionCallStatus(db, callId, UNFINISHED, 'failed', failure.reason, failure.code);
    // The underlying error (ffmpeg's stderr, the service's answer) is for operators only.
    log.warn({ callId, code: failure.code, err: error }, 'call failed permanently');
    return { status: 'failed', reason: failure.reason };
  }
}

/** Analyse + store again from the stored segments (a call that is `analyzed` or `transcribed`). */
export async function reanalyzeCall(deps: ProcessCallDeps, callId: string): Promise<JobOutcome> {
  return { status: await analyse(deps, callId, ['transcribed', 'analyzed']) };
}

/** Marking a call failed after its last attempt failed too (the database is still down): keep the job. */
export class GiveUpNotRecordedError extends Error {
  override readonly name = 'GiveUpNotRecordedError';
  constructor(
    readonly callId: string,
    options: { cause: unknown },
  ) {
    super(`Call ${callId} could not be marked failed; its job is kept and runs again`, options);
  }
}

/**
 * After the last attempt of a transient error: the call must not stay "processing" forever. Only an
 * unfinished call is touched (a re-analysis that keeps failing leaves the previous verdict in place).
 * The call gets our code and text for what broke (failures.ts) and is retried automatically once the
 * outage is over. When even that write fails, throws GiveUpNotRecordedError: the runner keeps the job
 * and runs it again shortly, instead of dropping it and leaving the call `processing` until the next
 * reconciliation.
 */
export async function markGaveUp(
  deps: Pick<ProcessCallDeps, 'db' | 'log'>,
  callId: string,
  attempts: number,
  error: unknown,
): Promise<void> {
  const failure = gaveUpFailure(error);
  let moved: boolean;
  try {
    moved = await transitionCallStatus(deps.db, callId, UNFINISHED, 'failed', failure.reason, failure.code);
  } catch (markError) {
    deps.log.error(
      { callId, err: error, markErr: (markError as Error).message, attempts },
      'call gave up after retries, and marking it failed failed too; keeping its job',
    );
    throw new GiveUpNotRecordedError(callId, { cause: error });
  }
  deps.log.error(
    { callId, code: failure.code, err: error, attempts, marked: moved },
    'call gave up after retries',
  );
}
