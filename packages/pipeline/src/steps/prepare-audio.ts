import type { Call } from '@onterms/db';
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

export interface PrepareAudioResult {
  /** Which outputs this run produced (the others already existed and were skipped). */
  produced: Array<'speech' | 'review' | 'peaks'>;
  /** The call's speech copy key as now recorded (the transcribe step needs it; no re-read of the row). */
  speechAudioKey: string | null;
}

/**
 * probe → speech copy (16 kHz mono WAV) → review copy (Opus/WebM, channel layout kept) → waveform peaks.
 * Resumable: an output whose key is recorded on the call AND whose blob exists is not produced again,
 * so a retried or resumed long call does not redo finished transcodes. Each output is recorded on the
 * call as soon as it is stored.
 */
export async function prepareAudio(
  deps: Deps,
  call: Call,
  times: StepTimes = new StepTimes(),
): Promise<PrepareAudioResult> {
  const { db, store, media, log } = deps;
  const keys = derivedKeys(call.id);
  const has = async (key: string | null) => key !== null && (await store.exists(key));
  const [speechDone, reviewDone, peaksDone] = await times.time('store.exists', () =>
    Promise.all([has(call.speechAudioKey), has(call.reviewAudioKey), has(call.peaksKey)]),
  );
  const need = { speech: !speechDone, review: !reviewDone, peaks: !peaksDone };
  const produced: PrepareAudioResult['produced'] = [];
  let speechAudioKey = call.speechAudioKey;
  if (!need.speech && !need.review && !need.peaks) return { produced, speechAudioKey };

  if (!(await store.exists(call.audio.key))) {
    throw new PermanentError(
      'audio_missing',
      'The uploaded recording is missing from storage; please upload it again.',
    );
  }
  const work = await createScratchDir(deps.tmpDir ?? tmpdir(), call.id);
  try {
    await store.withLocalFile(call.audio.key, async (input) => {
      // Full validation (headers + decoding the start and end): a corrupt file fails here, permanently.
      // Its answer is handed to the transcodes below, so ffprobe runs once, not four times.
      const info = await times.time('ffmpeg.probe', () => media.probe(input));

      if (need.speech) {
        const out = join(work, 'speech.wav');
        await times.time('ffmpeg.speech', () =>
          media.normalizeForSpeech(input, out, { channel: 'mix', info }),
        );
        await times.time('store.put', () => store.put(keys.speech, createReadStream(out)));
        await times.time('db.update', () => updateCallDerived(db, call.id, { speechAudioKey: keys.speech }));
        speechAudioKey = keys.speech;
        produced.push('speech');
      }
      if (need.review) {
        const out = join(work, 'review');
        await times.time('ffmpeg.review', () => media.encodeForReview(input, out, { info }));
        await times.time('store.put', () => store.put(keys.review, createReadStream(out)));
        await times.time('db.update', () => updateCallDerived(db, call.id, { reviewAudioKey: keys.review }));
        produced.push('review');
      }
      if (need.peaks) {
        const peaks = await times.time('ffmpeg.peaks', () => media.computePeaks(input, { info }));
        await times.time('store.put', () => store.put(keys.peaks, Buffer.from(JSON.stringify(peaks))));
        await times.time('db.update', () => updateCallDerived(db, call.id, { peaksKey: keys.peaks }));
        produced.push('peaks');
      }
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log.debug({ callId: call.id, produced }, 'audio prepared');
  return { produced, speechAudioKey };
}
