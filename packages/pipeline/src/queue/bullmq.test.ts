import { findCallById } from '@onterms/db';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countingMedia,
  countRows,
  FAST_RETRY,
  insertTestCall,
  jsonTranscriptFile,
  makeGarbage,
  makeRecording,
  TEST_REDIS_URL,
  testDeps,
  waitFor,
} from '../testing/fixtures.ts';
import { useQueueTest } from '../testing/queue-test.ts';
import type { ProcessCallDeps } from '../deps.ts';
import { buildHandlerTable, JobName } from '../jobs.ts';
import { BullmqCallQueue } from './bullmq-queue.ts';
import { startCallWorker, type CallWorker } from './bullmq-worker.ts';
import { QueueUnavailableError } from './call-queue.ts';

const env = useQueueTest({ attempts: FAST_RETRY.attempts });
let recording: string;

beforeAll(async () => {
  recording = await makeRecording(env.ctx.dir, { seconds: 2 });
});

async function withWorker<T>(deps: ProcessCallDeps, fn: (worker: CallWorker) => Promise<T>): Promise<T> {
  const worker = await startCallWorker({
    redisUrl: TEST_REDIS_URL,
    databaseUrl: env.ctx.database.url,
    prefix: env.prefix,
    concurrency: 2,
    deps,
    retry: FAST_RETRY,
    reconcileIntervalMs: null,
  });
  try {
    return await fn(worker);
  } finally {
    await worker.close();
  }
}

/** Nothing waiting, running or delayed for a retry. */
const drained = async () => {
  const c = await env.queue.counts();
  return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0;
};
const statusOf = async (id: string) => (await findCallById(env.ctx.db, id))?.status;
const settled = (id: string) => async () => {
  const status = await statusOf(id);
  return status === 'analyzed' || status === 'failed' || status === 'waiting' ? status : null;
};

describe('BullMQ pipeline', () => {
  it('runs an enqueued call through to analyzed', async () => {
    const call = await insertTestCall(env.ctx, { recording, transcript: jsonTranscriptFile() });
    await withWorker(testDeps(env.ctx), async () => {
      await env.queue.enqueueCall(call.id);
      expect(await waitFor(settled(call.id), 30_000, 'the call to settle')).toBe('analyzed');
    });
    expect((await countRows(env.ctx.db, call.id)).segments).toBe(5);
  });

  it('retries a transient error with backoff and ends analyzed', async () => {
    const call = await insertTestCall(env.ctx, { recording, transcript: jsonTranscriptFile() });
    const base = testDeps(env.ctx);
    let analyses = 0;
    const deps = testDeps(env.ctx, {
      analyze: (transcript, callType) => {
        analyses += 1;
        if (analyses === 1) throw new Error('temporarily unavailable');
        return base.analyze(transcript, callType);
      },
    });
    await withWorker(deps, async (worker) => {
      const failures: string[] = [];
      worker.worker.on('failed', (_job, err) => failures.push(err.message));
      await env.queue.enqueueCall(call.id);
      expect(await waitFor(settled(call.id), 30_000, 'the call to settle')).toBe('analyzed');
      expect(failures).toEqual(['temporarily unavailable']);
    });
    expect(analyses).toBe(2);
    expect((await findCallById(env.ctx.db, call.id))?.failureReason).toBeNull();
  });

  it('fails a corrupt recording at once: UnrecoverableError, no retry', async () => {
    const call = await insertTestCall(env.ctx, {
      recording: await makeGarbage(env.ctx.dir),
      transcript: jsonTranscriptFile(),
    });
    const media = countingMedia();
    await withWorker(testDeps(env.ctx, { media }), async (worker) => {
      const failures: Array<{ name: string; attemptsMade: number }> = [];
      worker.worker.on('failed', (job, err) =>
        failures.push({ name: err.name, attemptsMade: job?.attemptsMade ?? -1 }),
      );
      await env.queue.enqueueCall(call.id);
      expect(await waitFor(settled(call.id), 30_000, 'the call to settle')).toBe('failed');
      await waitFor(async () => failures.length > 0, 10_000, 'the failed event');
      await waitFor(
        async () => (await env.queue.counts()).failed === 0 && (await env.queue.counts()).delayed === 0,
        10_000,
        'the job to be removed',
      );
      expect(failures).toEqual([{ name: 'UnrecoverableError', attemptsMade: 1 }]);
    });
    expect(media.calls.probeAndDeriveCopies).toBe(1);
    expect((await findCallById(env.ctx.db, call.id))?.failureReason).toMatch(
      /not a recording we can read|damaged/,
    );
  });

  it('keeps one job per call however often it is enqueued', async () => {
    const call = await insertTestCall(env.ctx, { recording, transcript: jsonTranscriptFile() });
    // No worker running: the jobs stay waiting where we can count them.
    await env.queue.enqueueCall(call.id);
    await env.queue.enqueueCall(call.id);
    await Promise.all([env.queue.enqueueCall(call.id), env.queue.enqueueCall(call.id)]);
    expect((await env.queue.counts()).waiting).toBe(1);
    // A re-analysis is a different kind of job for the same call. (When both run at once, the call's
    // Postgres lock makes the second wait for a retry — it is never run alongside the first.)
    await env.queue.enqueueCall(call.id, { reanalyze: true });
    await env.queue.enqueueCall(call.id, { reanalyze: true });
    expect((await env.queue.counts()).waiting).toBe(2);

    await withWorker(testDeps(env.ctx), async () => {
      expect(await waitFor(settled(call.id), 30_000, 'the call to settle')).toBe('analyzed');
      await waitFor(drained, 20_000, 'an empty queue');
    });
    // Finished jobs are removed, so the id is free for a later enqueue (e.g. a re-analysis next month).
    await env.queue.enqueueCall(call.id, { reanalyze: true });
    expect((await env.queue.counts()).waiting).toBe(1);
    await withWorker(testDeps(env.ctx), async () => {
      await waitFor(drained, 20_000, 'an empty queue');
    });
    expect((await countRows(env.ctx.db, call.id)).analyses).toBe(1);
  });

  it('runs a new call while a re-check run holds a worker of concurrency 1 (re-checks have their own lane)', async () => {
    let releaseRecheck!: () => void;
    const recheckHeld = new Promise<void>((resolve) => (releaseRecheck = resolve));
    let recheckStarted = false;
    const callsRun: string[] = [];
    const handlers = buildHandlerTable([
      {
        name: JobName.RecheckPolicy,
        handle: async () => {
          recheckStarted = true;
          await recheckHeld; // a run of thousands of calls, still going
          return { status: 'skipped' };
        },
      },
      {
        name: JobName.ProcessCall,
        handle: async ({ callId }) => (callsRun.push(callId), { status: 'analyzed' }),
      },
      { name: JobName.ReanalyzeCall, handle: async () => ({ status: 'analyzed' }) },
    ]);
    const worker = await startCallWorker({
      redisUrl: TEST_REDIS_URL,
      databaseUrl: env.ctx.database.url,
      prefix: env.prefix,
      concurrency: 1,
      deps: testDeps(env.ctx),
      retry: FAST_RETRY,
      reconcileIntervalMs: null,
      handlers,
    });
    try {
      await env.queue.enqueueRecheck(randomUUID());
      await waitFor(async () => recheckStarted || null, 15_000, 'the re-check to start');
      const callId = randomUUID();
      await env.queue.enqueueCall(callId);
      await waitFor(
        async () => callsRun.includes(callId) || null,
        15_000,
        'the new call to run beside the re-check',
      );
    } finally {
      releaseRecheck();
      await worker.close();
    }
  });

  it('reports health', async () => {
    expect(await env.queue.health()).toEqual({ ok: true, detail: 'redis: ok' });
  });
});

describe('the API-side producer when Redis is down', () => {
  let server: Server;
  let deadUrl: string;
  beforeAll(async () => {
    // A port that refuses Redis: take a free one, then close it.
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise<void>((r) => server.close(() => r()));
    deadUrl = `redis://127.0.0.1:${port}`;
  });

  it('rejects with QueueUnavailableError instead of hanging', async () => {
    const producer = new BullmqCallQueue({ redisUrl: deadUrl, prefix: env.prefix });
    try {
      const enqueue = producer.enqueueCall('5b0e7c1e-4a0f-4a57-9d3e-0d5b8f1c2a33');
      await expect(enqueue).rejects.toBeInstanceOf(QueueUnavailableError);
      await expect(producer.enqueueCall('5b0e7c1e-4a0f-4a57-9d3e-0d5b8f1c2a33')).rejects.toThrow(
        /job queue is unavailable/,
      );
      expect((await producer.health()).ok).toBe(false);
    } finally {
      await producer.close();
    }
  });
});
