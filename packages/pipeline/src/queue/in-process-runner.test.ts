import { findCallById, findRecheck, listUnfinishedCallIds } from '@onterms/db';
import { publishCompanyChecklist } from '@onterms/domain';
import { exampleChecklist, insertAnalysedCall, insertPerson } from '@onterms/domain/testing/policy-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../create-pipeline.ts';
import { createHandlerTable } from '../handlers.ts';
import {
  countRows,
  FAST_RETRY,
  insertTestCall,
  jsonTranscriptFile,
  makeRecording,
  negotiationTranscript,
  setupPipelineTest,
  testDeps,
  waitFor,
  type PipelineTestContext,
} from '../testing/fixtures.ts';
import { InProcessRunner } from './in-process-runner.ts';

let ctx: PipelineTestContext;
let recording: string;

beforeAll(async () => {
  ctx = await setupPipelineTest();
  recording = await makeRecording(ctx.dir, { seconds: 2 });
});
afterAll(async () => {
  await ctx?.cleanup();
});

function runner(deps = testDeps(ctx), concurrency = 2) {
  return new InProcessRunner({
    table: createHandlerTable(deps),
    deps,
    concurrency,
    retry: FAST_RETRY,
    listUnfinished: () => listUnfinishedCallIds(ctx.db),
  });
}

describe('in-process runner (embedded mode)', () => {
  it('runs an enqueued call to analyzed', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const pipeline = await createPipeline({
      redisUrl: null,
      concurrency: 2,
      deps: testDeps(ctx),
      retry: FAST_RETRY,
    });
    expect(pipeline.mode).toBe('in-process');
    await pipeline.queue.enqueueCall(call.id);
    await (pipeline.queue as InProcessRunner).idle();
    await pipeline.close();
    expect((await findCallById(ctx.db, call.id))?.status).toBe('analyzed');
    expect((await countRows(ctx.db, call.id)).segments).toBe(5);
  });

  it('after a restart, resumes calls left queued, processing or transcribed', async () => {
    // Calls a previous process accepted but never finished.
    const interrupted = await insertTestCall(ctx, {
      recording,
      transcript: jsonTranscriptFile(),
      status: 'processing',
    });
    const neverStarted = await insertTestCall(ctx, {
      recording,
      transcript: jsonTranscriptFile(),
      status: 'queued',
    });

    const restarted = runner();
    expect(await restarted.start()).toBeGreaterThanOrEqual(2);
    await restarted.idle();
    await restarted.close();

    for (const call of [interrupted, neverStarted]) {
      expect((await findCallById(ctx.db, call.id))?.status).toBe('analyzed');
    }
  });

  it('resumes a call whose first run was stopped mid-way by a shutdown', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    // First "process": the analysis keeps failing (transient) until the runner is closed.
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const first = runner(
      testDeps(ctx, {
        analyze: async () => {
          release();
          throw new Error('model server restarting');
        },
      }),
    );
    await first.enqueueCall(call.id);
    await blocked;
    await first.close();
    expect((await findCallById(ctx.db, call.id))?.status).toBe('transcribed');

    const second = runner();
    await second.start();
    await second.idle();
    await second.close();
    expect((await findCallById(ctx.db, call.id))?.status).toBe('analyzed');
  });

  it('retries transient errors with backoff, and marks the call failed once attempts run out', async () => {
    const flaky = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const doomed = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const base = testDeps(ctx);
    const attempts = new Map<string, number>();
    const deps = testDeps(ctx, {
      analyze: (transcript, callType) => {
        // Told apart by their segments' text: the doomed call's last line mentions order 999.
        const id = transcript.segments.at(-1)?.text.includes('999') ? 'doomed' : 'flaky';
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        if (id === 'doomed' || attempts.get(id)! < 3) throw new Error('analysis backend unavailable');
        return base.analyze(transcript, callType);
      },
    });
    await ctx.store.put(
      (await findCallById(ctx.db, doomed.id))!.transcriptUploadKey!,
      Buffer.from(jsonTranscriptFile(negotiationTranscript(999)).content),
    );
    const r = runner(deps);
    await r.enqueueCall(flaky.id);
    await r.enqueueCall(doomed.id);
    await r.enqueueCall(doomed.id); // deduplicated
    await r.idle();
    await r.close();

    expect(attempts.get('flaky')).toBe(3);
    expect((await findCallById(ctx.db, flaky.id))?.status).toBe('analyzed');
    expect(attempts.get('doomed')).toBe(FAST_RETRY.attempts);
    const failed = (await findCallById(ctx.db, doomed.id))!;
    expect(failed.status).toBe('failed');
    // What broke goes to the log; the call says it in our words, retryable.
    expect(failed.failureCode).toBe('processing_failed');
    expect(failed.failureReason).toMatch(
      /^Processing failed because of an error on our side\. It will be retried/,
    );
  });

  it('never runs two jobs for the same call at once', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    let running = 0;
    let maxRunning = 0;
    const base = testDeps(ctx);
    const deps = testDeps(ctx, {
      analyze: async (transcript, callType) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 200));
        running -= 1;
        return base.analyze(transcript, callType);
      },
    });
    const r = runner(deps, 4);
    await r.enqueueCall(call.id);
    await r.enqueueCall(call.id, { reanalyze: true });
    await r.idle();
    await r.close();
    expect(maxRunning).toBe(1);
    expect((await countRows(ctx.db, call.id)).analyses).toBe(1);
  });

  it('a long re-check run does not hold back new calls, even with one slot for calls', async () => {
    const db = ctx.db;
    const director = await insertPerson(db, 'director');
    for (let i = 0; i < 3; i++)
      await insertAnalysedCall(db, ctx.repId, { lines: [['rep', `Акт сверки пришлю через ${i + 2} дня.`]] });
    // the run's re-analyses of those calls wait until released; the new call's analysis does not
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const base = testDeps(ctx);
    const deps = testDeps(ctx, {
      analyze: async (transcript, ...rest) => {
        if (transcript.segments.some((s) => s.text.startsWith('Акт сверки'))) await gate;
        return base.analyze(transcript, ...rest);
      },
    });
    const r = runner(deps, 1);
    const { recheck } = await publishCompanyChecklist(
      {
        db,
        actor: { userId: director.id, tokenId: null, ip: null },
        enqueueRecheck: (id) => r.enqueueRecheck(id),
      },
      { callType: 'credit_negotiation', document: exampleChecklist(), baseVersion: null },
    );
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    await r.enqueueCall(call.id);
    await waitFor(
      async () => (await findCallById(db, call.id))?.status === 'analyzed',
      60_000,
      'the new call to be analysed while the run waits',
    );
    expect(await findRecheck(db, recheck.id)).toMatchObject({ status: 'running' });
    release();
    await r.idle();
    await r.close();
    expect(await findRecheck(db, recheck.id)).toMatchObject({ status: 'done' });
  });
});
