import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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
import { BullmqCallQueue } from './bullmq-queue.ts';

const CHILD = fileURLToPath(new URL('../testing/worker-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

let ctx: PipelineTestContext;
let recording: string;
const prefix = uniquePrefix();
let queue: BullmqCallQueue;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ctx = await setupPipelineTest();
  recording = await makeRecording(ctx.dir, { seconds: 2 });
  queue = new BullmqCallQueue({ redisUrl: TEST_REDIS_URL, prefix });
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await queue?.close();
  await deleteRedisPrefix(prefix);
  await ctx?.cleanup();
});

interface Worker {
  child: ChildProcess;
  events: Array<{ event: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startWorker(options: { slowAnalyseMs?: number } = {}): Promise<Worker> {
  // `node --import tsx` (not the tsx CLI, which runs the script in a grandchild): the signals we send
  // must reach the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: REPO,
    env: {
      ...process.env,
      DATABASE_URL: ctx.database.url,
      REDIS_URL: TEST_REDIS_URL,
      PIPELINE_PREFIX: prefix,
      BLOB_ROOT: ctx.storeRoot,
      LOCK_DURATION_MS: '2000',
      STALLED_INTERVAL_MS: '1000',
      SLOW_ANALYSE_MS: String(options.slowAnalyseMs ?? 0),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const events: Worker['events'] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line));
    } catch {
      // not one of our event lines
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await waitFor(
    async () => events.some((e) => e.event === 'ready') || child.exitCode !== null,
    30_000,
    'the worker to start',
  );
  expect(child.exitCode).toBeNull();
  return { child, events, exited };
}

const has = (worker: Worker, event: string) => async () => worker.events.some((e) => e.event === event);

describe('worker processes', () => {
  it('a worker killed mid-job leaves the call to another worker, which finishes it without duplicates', async () => {
    const call = await insertTestCall(ctx, { recording, transcript: jsonTranscriptFile() });
    const doomed = await startWorker({ slowAnalyseMs: 120_000 });
    await queue.enqueueCall(call.id);
    await waitFor(has(doomed, 'analyse-started'), 30_000, 'the job to reach the analysis');
    expect((await findCallById(ctx.db, call.id))?.status).toBe('transcribed');

    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    const rescuer = await startWorker();
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
    const worker = await startWorker({ slowAnalyseMs: 2_000 });
    await queue.enqueueCall(call.id);
    await waitFor(has(worker, 'analyse-started'), 30_000, 'the job to reach the analysis');

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(worker.events.map((e) => e.event)).toContain('stopped');
    expect((await findCallById(ctx.db, call.id))?.status).toBe('analyzed');
    expect((await queue.counts()).active).toBe(0);
  });
});
