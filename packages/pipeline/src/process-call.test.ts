import { findCallById, getAnalysis, getSegments } from '@onterms/db';
import { sql } from 'kysely';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import {
  TranscriptionError,
  type TranscriptionEngine,
  type TranscriptionRequest,
} from '@onterms/transcription/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@onterms/config';
import { createTranscriptionEngine } from '@onterms/transcription/factory';
import { startFakeOpenAI } from '@onterms/transcription/testing/fake-openai-server';
import { processCall, reanalyzeCall } from './process-call.ts';
import { NO_ENGINE_REASON } from './steps/transcribe.ts';
import {
  countingMedia,
  countRows,
  insertTestCall,
  jsonTranscriptFile,
  makeGarbage,
  makeRecording,
  negotiationTranscript,
  setupPipelineTest,
  sharedMedia,
  testDeps,
  type PipelineTestContext,
} from './testing/fixtures.ts';

let ctx: PipelineTestContext;
let mono: string;
let stereo: string;

beforeAll(async () => {
  ctx = await setupPipelineTest();
  mono = await makeRecording(ctx.dir, { seconds: 2 });
  stereo = await makeRecording(ctx.dir, { seconds: 2, channels: 2 });
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('processCall', () => {
  it('takes a call with an uploaded transcript from queued to analyzed, storing every output', async () => {
    const call = await insertTestCall(ctx, {
      recording: stereo,
      channels: 2,
      transcript: jsonTranscriptFile(),
    });

    expect(await processCall(testDeps(ctx), call.id)).toEqual({ status: 'analyzed' });

    const stored = (await findCallById(ctx.db, call.id))!;
    expect(stored.status).toBe('analyzed');
    expect(stored.failureReason).toBeNull();
    expect(stored.transcriptSource).toBe('upload');
    expect(stored.analyzedAt).not.toBeNull();
    for (const key of [stored.speechAudioKey, stored.reviewAudioKey, stored.peaksKey]) {
      expect(key).toMatch(new RegExp(`^calls/${call.id}/`));
      expect(await ctx.store.exists(key!)).toBe(true);
    }
    // The speech copy is 16 kHz mono; the review copy keeps the stereo layout.
    const media = sharedMedia();
    const speech = await ctx.store.withLocalFile(stored.speechAudioKey!, (p) => media.probe(p));
    expect([speech.sampleRate, speech.channels]).toEqual([16000, 1]);
    const review = await ctx.store.withLocalFile(stored.reviewAudioKey!, (p) => media.probe(p));
    expect([review.codec, review.channels]).toEqual(['opus', 2]);
    const peaks = JSON.parse(await ctx.store.withLocalFile(stored.peaksKey!, (p) => readFile(p, 'utf8')));
    expect(peaks.channels).toBe(2);

    expect(await getSegments(ctx.db, call.id)).toEqual(negotiationTranscript().segments);
    const analysis = (await getAnalysis(ctx.db, call.id))!;
    expect(analysis.flags['payment_terms']?.stated).toBe(true);
  });

  it('parks a call with no transcript and no engine in waiting, after preparing its audio', async () => {
    const call = await insertTestCall(ctx, { recording: mono });

    expect(await processCall(testDeps(ctx), call.id)).toEqual({ status: 'waiting' });

    const stored = (await findCallById(ctx.db, call.id))!;
    expect(stored.status).toBe('waiting');
    expect(stored.failureReason).toBe(NO_ENGINE_REASON);
    expect(stored.failureReason).toMatch(/No speech-to-text engine is configured/);
    expect(stored.reviewAudioKey).not.toBeNull(); // the manager can already listen
    expect((await countRows(ctx.db, call.id)).segments).toBe(0);
  });

  it('fails a corrupt recording with a plain-language reason, without analysing anything', async () => {
    const call = await insertTestCall(ctx, {
      recording: await makeGarbage(ctx.dir),
      transcript: jsonTranscriptFile(),
    });

    const outcome = await processCall(testDeps(ctx), call.id);

    expect(outcome.status).toBe('failed');
    const stored = (await findCallById(ctx.db, call.id))!;
    expect(stored.status).toBe('failed');
    expect(stored.failureReason).toMatch(/not a recording we can read|damaged/);
    expect(stored.failureReason).not.toMatch(/ffmpeg|ffprobe|Error:/);
    expect(await countRows(ctx.db, call.id)).toEqual({ segments: 0, analyses: 0, flags: 0, moments: 0 });
  });

  it('fails a broken transcript, naming the problem', async () => {
    const call = await insertTestCall(ctx, {
      recording: mono,
      transcript: { fileName: 'transcript.json', content: '{"language":"ru","segments":[{"start":"soon"' },
    });

    const outcome = await processCall(testDeps(ctx), call.id);

    expect(outcome.status).toBe('failed');
    const stored = (await findCallById(ctx.db, call.id))!;
    expect(stored.status).toBe('failed');
    expect(stored.failureReason).toMatch(/^The uploaded transcript cannot be read: \S/);
  });

  it('ends in the same rows when run twice (and a second run of an analysed call is skipped)', async () => {
    const call = await insertTestCall(ctx, { recording: mono, transcript: jsonTranscriptFile() });
    await processCall(testDeps(ctx), call.id);
    const first = await countRows(ctx.db, call.id);
    expect(first.segments).toBe(5);
    expect(first.moments).toBeGreaterThan(0);

    expect(await processCall(testDeps(ctx), call.id)).toEqual({ status: 'skipped' });
    // Re-analysis replaces the verdict rather than adding to it.
    expect(await reanalyzeCall(testDeps(ctx), call.id)).toEqual({ status: 'analyzed' });
    expect(await countRows(ctx.db, call.id)).toEqual(first);
  });

  it('re-runs every step of an interrupted call without duplicating rows', async () => {
    const call = await insertTestCall(ctx, { recording: mono, transcript: jsonTranscriptFile() });
    await processCall(testDeps(ctx), call.id);
    const first = await countRows(ctx.db, call.id);
    // As if the worker died after storing everything but before the status moved on.
    await ctx.db.updateTable('calls').set({ status: 'processing' }).where('id', '=', call.id).execute();

    expect(await processCall(testDeps(ctx), call.id)).toEqual({ status: 'analyzed' });
    expect(await countRows(ctx.db, call.id)).toEqual(first);
  });

  it('resumes: audio outputs that already exist are not produced again', async () => {
    const call = await insertTestCall(ctx, { recording: mono, transcript: jsonTranscriptFile() });
    const firstMedia = countingMedia();
    // The first attempt prepares the audio, then dies in the analysis (a transient error).
    const failing = testDeps(ctx, {
      media: firstMedia,
      analyze: () => {
        throw new Error('analysis service hiccup');
      },
    });
    await expect(processCall(failing, call.id)).rejects.toThrow('analysis service hiccup');
    expect(firstMedia.calls).toEqual({ probe: 0, probeAndDeriveCopies: 1 });
    expect(firstMedia.made).toEqual([['speech', 'review', 'peaks']]);
    const afterFirst = (await findCallById(ctx.db, call.id))!;
    expect(afterFirst.status).toBe('transcribed');
    const mtimes = await blobMtimes(afterFirst);

    const secondMedia = countingMedia();
    expect(await processCall(testDeps(ctx, { media: secondMedia }), call.id)).toEqual({ status: 'analyzed' });
    expect(secondMedia.calls).toEqual({ probe: 0, probeAndDeriveCopies: 0 });
    expect(await blobMtimes(afterFirst)).toEqual(mtimes);
  });

  it('redoes only a derived file whose blob has gone missing', async () => {
    const call = await insertTestCall(ctx, { recording: mono });
    await processCall(testDeps(ctx), call.id); // → waiting, audio prepared
    const prepared = (await findCallById(ctx.db, call.id))!;
    await ctx.store.delete(prepared.peaksKey!);
    await ctx.db.updateTable('calls').set({ status: 'queued' }).where('id', '=', call.id).execute();

    const media = countingMedia();
    expect(await processCall(testDeps(ctx, { media }), call.id)).toEqual({ status: 'waiting' });
    expect(media.calls).toEqual({ probe: 0, probeAndDeriveCopies: 1 });
    expect(media.made).toEqual([['peaks']]);
    expect(await ctx.store.exists(prepared.peaksKey!)).toBe(true);
  });

  it('transcribes with the configured engine when there is no uploaded transcript', async () => {
    const call = await insertTestCall(ctx, { recording: stereo, channels: 2, repChannel: 'left' });
    const requests: TranscriptionRequest[] = [];
    const engine: TranscriptionEngine = {
      name: 'fake-stt',
      model: 'fake-1',
      transcribe: async (request) => {
        requests.push(request);
        await makeSpeechCopyIfAsked(request);
        // The speech copy the engine reads is the 16 kHz mono WAV.
        const speech = await sharedMedia().probe(request.speechAudioPath);
        expect([speech.sampleRate, speech.channels]).toEqual([16000, 1]);
        return {
          transcript: negotiationTranscript(),
          audioSeconds: 2,
          model: 'fake-1-2026',
          notes: ['Timestamps are approximate.'],
        };
      },
    };

    expect(await processCall(testDeps(ctx, { engine }), call.id)).toEqual({ status: 'analyzed' });

    const stored = (await findCallById(ctx.db, call.id))!;
    expect(stored.transcriptSource).toBe('stt');
    expect(stored.stt).toEqual({
      engine: 'fake-stt',
      model: 'fake-1-2026',
      audioSeconds: 2,
      notes: ['Timestamps are approximate.'],
    });
    expect(requests).toHaveLength(1);
    // Stereo with a known rep side: the engine also gets the original, for the per-channel split.
    expect(requests[0]).toMatchObject({ channels: 2, repChannel: 'left', language: 'ru' });
    expect(requests[0]!.originalAudioPath).toMatch(/original\.wav$/);
    expect((await countRows(ctx.db, call.id)).segments).toBe(5);
    // No speech copy was stored, so the engine made it from the original; it is stored for a retry.
    expect(requests[0]!.makeSpeechAudio).toBeDefined();
    const copy = await ctx.store.withLocalFile(stored.speechAudioKey!, (p) => sharedMedia().probe(p));
    expect([copy.sampleRate, copy.channels]).toEqual([16000, 1]);
  });

  it('with the real recording transcriber: the engine makes the speech copy (the pipeline decodes nothing for it), which a re-transcription reads', async () => {
    const said = { start: 0, end: 3, text: 'Оплата через тридцать дней после поставки.' };
    const server = await startFakeOpenAI(() => ({
      json: { text: said.text, language: 'russian', duration: 3, segments: [{ id: 0, ...said }] },
    }));
    try {
      const openai = createTranscriptionEngine(
        { ...noStt(), engine: 'openai', apiKey: 'sk-test', baseURL: server.baseURL, maxChunkSeconds: 4 },
        sharedMedia(),
      )!;
      const requests: TranscriptionRequest[] = [];
      const engine: TranscriptionEngine = {
        ...openai,
        transcribe: (request) => (requests.push(request), openai.transcribe(request)),
      };
      const call = await insertTestCall(ctx, { recording: await makeRecording(ctx.dir, { seconds: 10 }) });
      const media = countingMedia();

      expect(await processCall(testDeps(ctx, { engine, media }), call.id)).toEqual({ status: 'analyzed' });
      // The pipeline ran ffmpeg only for the player copies; the speech copy came with the chunks.
      expect(media.made).toEqual([['review', 'peaks']]);
      expect(requests[0]!.makeSpeechAudio).toBeDefined();
      expect(server.requests.length).toBeGreaterThanOrEqual(3); // 10 s in chunks of at most 4
      const stored = (await findCallById(ctx.db, call.id))!;
      expect(stored.stt?.engine).toBe('openai');
      const copy = await ctx.store.withLocalFile(stored.speechAudioKey!, (p) => sharedMedia().probe(p));
      expect([copy.sampleRate, copy.channels, Math.round(copy.durationSec)]).toEqual([16000, 1, 10]);

      await ctx.db.updateTable('calls').set({ status: 'queued' }).where('id', '=', call.id).execute();
      expect(await processCall(testDeps(ctx, { engine, media }), call.id)).toEqual({ status: 'analyzed' });
      expect(requests[1]!.makeSpeechAudio).toBeUndefined();
      expect(media.made).toEqual([['review', 'peaks']]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('fails the call when the engine rejects the audio for good, and retries otherwise', async () => {
    const rejected = await insertTestCall(ctx, { recording: mono });
    const refusing: TranscriptionEngine = {
      name: 'fake-stt',
      model: null,
      transcribe: async () => {
        throw new TranscriptionError('Bad request (400): /srv/stt/models/whisper.bin: invalid input', true);
      },
    };
    // The service's own words (with its server path) go to the log; the call says it in ours.
    expect(await processCall(testDeps(ctx, { engine: refusing }), rejected.id)).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/^The speech-to-text service refused this recording\./),
    });
    expect(await findCallById(ctx.db, rejected.id)).toMatchObject({
      failureCode: 'stt_rejected',
      failureReason: expect.not.stringMatching(/srv|400/),
    });

    const flaky = await insertTestCall(ctx, { recording: mono });
    const down: TranscriptionEngine = {
      ...refusing,
      transcribe: async () => {
        throw new TranscriptionError('The speech-to-text service is unavailable.', false);
      },
    };
    await expect(processCall(testDeps(ctx, { engine: down }), flaky.id)).rejects.toThrow(/unavailable/);
    expect((await findCallById(ctx.db, flaky.id))?.status).toBe('processing');
  });

  it('makes the player copies beside the engine; if they fail, the retry makes only them, not a second transcription', async () => {
    const call = await insertTestCall(ctx, { recording: mono });
    let transcriptions = 0;
    let engineStarted!: () => void;
    const started = new Promise<void>((resolve) => (engineStarted = resolve));
    const engine: TranscriptionEngine = {
      name: 'fake-stt',
      model: 'fake-1',
      transcribe: async (request) => {
        transcriptions++;
        engineStarted();
        await makeSpeechCopyIfAsked(request);
        return { transcript: negotiationTranscript(), audioSeconds: 2, model: 'fake-1' };
      },
    };
    const media = countingMedia();
    // The review copy's run holds until the engine has started: run one after the other, this would hang.
    const failingPlayer: typeof media = {
      ...media,
      probeAndDeriveCopies: async (input, request, options) => {
        if (!request.review) return media.probeAndDeriveCopies(input, request, options);
        await Promise.race([started, setTimeout(10_000).then(() => Promise.reject(new Error('not beside')))]);
        throw new Error('disk full');
      },
    };

    await expect(processCall(testDeps(ctx, { engine, media: failingPlayer }), call.id)).rejects.toThrow(
      'disk full',
    );
    const afterFirst = (await findCallById(ctx.db, call.id))!;
    expect(afterFirst.status).toBe('transcribed');
    expect(afterFirst.reviewAudioKey).toBeNull();

    const retry = countingMedia();
    expect(await processCall(testDeps(ctx, { engine, media: retry }), call.id)).toEqual({
      status: 'analyzed',
    });
    expect(transcriptions).toBe(1);
    expect(retry.made).toEqual([['review', 'peaks']]);
    const stored = (await findCallById(ctx.db, call.id))!;
    expect(await ctx.store.exists(stored.reviewAudioKey!)).toBe(true);
    expect(await ctx.store.exists(stored.peaksKey!)).toBe(true);
  });

  it('counts a promise\'s "tomorrow" from the day of the call in the company\'s time zone', async () => {
    // 00:30 in Moscow on 19 November is still 18 November in UTC; 23:30 in Moscow is the same day in both.
    const collection = (text: string) =>
      jsonTranscriptFile({ language: 'ru', segments: [{ start: 0, end: 4, speaker: 'client', text }] });
    const afterMidnight = await insertTestCall(ctx, {
      recording: mono,
      callType: 'collection',
      recordedAt: new Date('2026-11-18T21:30:00Z'),
      transcript: collection('Всю сумму оплатим завтра.'),
    });
    const lateEvening = await insertTestCall(ctx, {
      recording: mono,
      callType: 'collection',
      recordedAt: new Date('2026-11-18T20:30:00Z'),
      transcript: collection('Всю сумму оплатим завтра.'),
    });
    for (const call of [afterMidnight, lateEvening])
      expect(await processCall(testDeps(ctx, { timeZone: 'Europe/Moscow' }), call.id)).toEqual({
        status: 'analyzed',
      });

    const dueOn = async (callId: string) =>
      (
        await ctx.db
          .selectFrom('payment_promises')
          .select(sql<string>`due_on::text`.as('due_on'))
          .where('call_id', '=', callId)
          .execute()
      ).map((p) => p.due_on);
    expect(await dueOn(afterMidnight.id)).toEqual(['2026-11-20']);
    expect(await dueOn(lateEvening.id)).toEqual(['2026-11-19']);
  });

  it('skips a call that does not exist', async () => {
    expect(await processCall(testDeps(ctx), '00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'skipped',
      missing: true,
    });
  });
});

/** Speech-to-text settings with nothing configured (a test picks the engine and limits). */
const noStt = () => loadConfig({}).stt;

/** What an engine asked to make the speech copy does (transcription's contract), with the real media module. */
async function makeSpeechCopyIfAsked(request: TranscriptionRequest): Promise<void> {
  if (!request.makeSpeechAudio) return;
  await sharedMedia().normalizeForSpeech(request.originalAudioPath!, request.speechAudioPath);
  request.makeSpeechAudio.onPrepared();
}

async function blobMtimes(call: {
  speechAudioKey: string | null;
  reviewAudioKey: string | null;
  peaksKey: string | null;
}) {
  const keys = [call.speechAudioKey!, call.reviewAudioKey!, call.peaksKey!];
  return Promise.all(keys.map(async (key) => (await stat(join(ctx.storeRoot, key))).mtimeMs));
}
