import { findCallById } from '@onterms/db';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  deleteRedisPrefix,
  insertTestCall,
  jsonTranscriptFile,
  makeRecording,
  setupPipelineTest,
  TEST_REDIS_URL,
  uniquePrefix,
  waitFor,
  type PipelineTestContext,
} from '../testing/fixtures.ts';
import { printed, workerProcesses } from '../testing/worker-processes.ts';
import { BullmqCallQueue } from './bullmq-queue.ts';

let ctx: PipelineTestContext;
let recording: string;
const prefix = uniquePrefix();
let queue: BullmqCallQueue;
const workers = workerProcesses(() => ctx, prefix);

beforeAll(async () => {
  ctx = await setupPipelineTest();
  recording = await makeRecording(ctx.dir, { seconds: 2 });
  queue = new BullmqCallQueue({ redisUrl: TEST_REDIS_URL, prefix });
});
afterEach(() => workers.killAll());
afterAll(async () => {
  await queue?.close();
  await deleteRedisPrefix(prefix);
  await ctx?.cleanup();
});

describe('worker processes', () => {
  it('a worker killed mid-job leaves the call to another worker, which finishes it without duplicates', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const doomed = await workers.start({ slowAnalyseMs: 120_000 });
    await queue.enqueueCall(call.id);
    await waitFor(printed(doomed, 'analyse-started'), 30_000, 'the job to reach the analysis');
    expect((await findCallById(ctx.db, call.id))?.status).toBe('transcribed');

    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    const rescuer = await workers.start();
    await waitFor(
      async () => (await findCallById(ctx.db, call.id))?.status === 'analyzed',
      60_000,
      'the call to be analysed',
    );
    const rows = await countRows(ctx.db, call.id);
    expect(rows.segments).toBe(5);
    expect(rows.analyses).toBe(1);
    rescuer.child.kill('SIGTERM');
    expect((await rescuer.exited).code).toBe(0);
  });

  it('SIGTERM drains: the running call finishes, then the process exits 0', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const worker = await workers.start({ slowAnalyseMs: 2_000 });
    await queue.enqueueCall(call.id);
    await waitFor(printed(worker, 'analyse-started'), 30_000, 'the job to reach the analysis');

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(worker.events.map((e) => e.event)).toContain('stopped');
    expect((await findCallById(ctx.db, call.id))?.status).toBe('analyzed');
    expect((await queue.counts()).active).toBe(0);
  });
});
