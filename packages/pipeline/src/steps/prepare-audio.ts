import type { Call, CallDerivedFiles } from '@onterms/db';
import { updateCallDerived } from '@onterms/db';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessCallDeps } from '../deps.ts';
import { PermanentError } from '../errors.ts';
import { StepTimes } from '../step-times.ts';
import { derivedKeys } from './derived-keys.ts';
import { createScratchDir } from '../scratch.ts';

type Deps = Pick<ProcessCallDeps, 'db' | 'store' | 'media' | 'log' | 'tmpDir'>;

export type DerivedOutput = 'speech' | 'review' | 'peaks';

/**
 * What the speech-to-text engine reads. With an engine to run the engine makes it itself (the
 * transcribe step, storeSpeechCopy below); prepared here otherwise, with the player copies.
 */
export const TRANSCRIPTION_COPY: readonly DerivedOutput[] = ['speech'];
/**
 * What the review page plays and draws. Its Opus encode is the slow part of preparing a call (~35× a
 * bare decode on the bundled ffmpeg, against ~1.1× for the speech WAV), so when a speech-to-text
 * engine runs, processCall makes these beside it instead of before it.
 */
export const PLAYER_COPIES: readonly DerivedOutput[] = ['review', 'peaks'];

export interface PrepareAudioResult {
  /** Which outputs this run produced (the others already existed and were skipped). */
  produced: DerivedOutput[];
  /** The call's speech copy key as now recorded (the transcribe step needs it; no re-read of the row). */
  speechAudioKey: string | null;
}

/**
 * probe → the `outputs` asked for among the speech copy (16 kHz mono WAV), the review copy
 * (Opus/WebM, channel layout kept) and the waveform peaks: ffprobe, then ONE ffmpeg run that decodes
 * the probe's check windows and the whole recording once for all of them → stored side by side →
 * recorded on the call in one update.
 * Resumable: an output whose key is recorded on the call AND whose blob exists is not produced again,
 * so a retried or resumed long call does not redo finished transcodes. An output is recorded on the
 * call once it is stored (a store failure of one still records the others).
 */
export async function prepareAudio(
  deps: Deps,
  call: Call,
  times: StepTimes,
  outputs: readonly DerivedOutput[],
): Promise<PrepareAudioResult> {
  const { db, store, media, log } = deps;
  const keys = derivedKeys(call.id);
  const has = async (output: DerivedOutput, key: string | null) =>
    !outputs.includes(output) || (key !== null && (await store.exists(key)));
  const [speechDone, reviewDone, peaksDone] = await times.time('store.exists', () =>
    Promise.all([
      has('speech', call.speechAudioKey),
      has('review', call.reviewAudioKey),
      has('peaks', call.peaksKey),
    ]),
  );
  const need = { speech: !speechDone, review: !reviewDone, peaks: !peaksDone };
  const produced: PrepareAudioResult['produced'] = [];
  let speechAudioKey = call.speechAudioKey;
  if (!need.speech && !need.review && !need.peaks) return { produced, speechAudioKey };

  await assertRecordingStored(deps, call);
  const work = await createScratchDir(deps.tmpDir ?? tmpdir(), call.id);
  try {
    await store.withLocalFile(call.audio.key, async (input) => {
      // ffprobe, then ONE ffmpeg run: the full validation (headers + decoding the start and end: a
      // corrupt file fails here, permanently) and the three copies from a single decode.
      const files = { speech: join(work, 'speech.wav'), review: join(work, 'review') };
      const made = (['speech', 'review', 'peaks'] as const).filter((output) => need[output]);
      const copies = await times.time(`ffmpeg.probe+${made.join('+')}`, () =>
        media.probeAndDeriveCopies(
          input,
          {
            ...(need.speech && { speech: files.speech }),
            ...(need.review && { review: files.review }),
            ...(need.peaks && { peaks: {} }),
          },
          { workDir: work },
        ),
      );
      // The stores run side by side; each one that succeeded is recorded even if another failed.
      const puts: Array<{ output: 'speech' | 'review' | 'peaks'; run: () => Promise<unknown> }> = [];
      if (need.speech) {
        puts.push({ output: 'speech', run: () => store.put(keys.speech, createReadStream(files.speech)) });
      }
      if (need.review) {
        puts.push({ output: 'review', run: () => store.put(keys.review, createReadStream(files.review)) });
      }
      if (copies.peaks) {
        const json = Buffer.from(JSON.stringify(copies.peaks));
        puts.push({ output: 'peaks', run: () => store.put(keys.peaks, json) });
      }
      const stored = await times.time('store.put', () => Promise.allSettled(puts.map((put) => put.run())));
      const recorded: CallDerivedFiles = {};
      puts.forEach(({ output }, i) => {
        if (stored[i]!.status !== 'fulfilled') return;
        produced.push(output);
        if (output === 'speech') recorded.speechAudioKey = keys.speech;
        if (output === 'review') recorded.reviewAudioKey = keys.review;
        if (output === 'peaks') recorded.peaksKey = keys.peaks;
      });
      if (produced.length > 0) {
        await times.time('db.update', () => updateCallDerived(db, call.id, recorded));
      }
      if (recorded.speechAudioKey) speechAudioKey = recorded.speechAudioKey;
      const failed = stored.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log.debug({ callId: call.id, produced }, 'audio prepared');
  return { produced, speechAudioKey };
}

/** The call's original must be in storage for anything to be made from it; its absence is permanent. */
export async function assertRecordingStored(deps: Pick<Deps, 'store'>, call: Call): Promise<void> {
  if (!(await deps.store.exists(call.audio.key))) {
    throw new PermanentError(
      'audio_missing',
      'The uploaded recording is missing from storage; please upload it again.',
    );
  }
}

/**
 * Stores a speech copy the speech-to-text engine made from the original (the transcribe step) and
 * records it on the call, as prepareAudio would have: a retry or a re-transcription then reads it
 * instead of decoding the recording again.
 */
export async function storeSpeechCopy(
  deps: Pick<Deps, 'db' | 'store'>,
  call: Call,
  path: string,
): Promise<string> {
  const key = derivedKeys(call.id).speech;
  await deps.store.put(key, createReadStream(path));
  await updateCallDerived(deps.db, call.id, { speechAudioKey: key });
  return key;
}
