import { findCallById } from '@onterms/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  insertTestCall,
  jsonTranscriptFile,
  makeRecording,
  waitFor,
} from '../testing/fixtures.ts';
import { useQueueTest } from '../testing/queue-test.ts';
import { printed, workerProcesses } from '../testing/worker-processes.ts';

const env = useQueueTest();
let recording: string;
const workers = workerProcesses(env);

beforeAll(async () => {
  recording = await makeRecording(env.ctx.dir, { seconds: 2 });
});

describe('worker processes', () => {
  it('a worker killed mid-job leaves the call to another worker, which finishes it without duplicates', async () => {
    const call = await insertTestCall(env.ctx, { recording, transcript: jsonTranscriptFile() });
    const doomed = await workers.start({ slowAnalyseMs: 120_000 });
    await env.queue.enqueueCall(call.id);
    await waitFor(printed(doomed, 'analyse-started'), 30_000, 'the job to reach the analysis');
    expect((await findCallById(env.ctx.db, call.id))?.status).toBe('transcribed');

    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    const rescuer = await workers.start();
    await waitFor(
      async () => (await findCallById(env.ctx.db, call.id))?.status === 'analyzed',
      60_000,
      'the call to be analysed',
    );
    const rows = await countRows(env.ctx.db, call.id);
    expect(rows.segments).toBe(5);
    expect(rows.analyses).toBe(1);
    rescuer.child.kill('SIGTERM');
    expect((await rescuer.exited).code).toBe(0);
  });

  it('SIGTERM drains: the running call finishes, then the process exits 0', async () => {
    const call = await insertTestCall(env.ctx, { recording, transcript: jsonTranscriptFile() });
    const worker = await workers.start({ slowAnalyseMs: 2_000 });
    await env.queue.enqueueCall(call.id);
    await waitFor(printed(worker, 'analyse-started'), 30_000, 'the job to reach the analysis');

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(worker.events.map((e) => e.event)).toContain('stopped');
    expect((await findCallById(env.ctx.db, call.id))?.status).toBe('analyzed');
    expect((await env.queue.counts()).active).toBe(0);
  });
});
