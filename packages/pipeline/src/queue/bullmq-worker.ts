import { DelayedError, UnrecoverableError, Worker, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { listUnfinishedCallIds } from '@onterms/db';
import type { ProcessCallDeps } from '../deps.ts';
import { postgresCallLock } from '../call-lock.ts';
import { createHandlerTable } from '../handlers.ts';
import { parseJob, type HandlerTable } from '../jobs.ts';
import { GiveUpNotRecordedError } from '../process-call.ts';
import {
  backoffDelay,
  BACKOFF_TYPE,
  DEFAULT_RETRY_POLICY,
  keptJobDelayMs,
  type RetryPolicy,
} from '../retry-policy.ts';
import { BullmqCallQueue } from './bullmq-queue.ts';
import {
  checkRedisDurability,
  createWorkerConnection,
  DEFAULT_PREFIX,
  QUEUE_NAME,
  RECHECK_QUEUE_NAME,
} from './redis.ts';
import { runAttempt } from './run-job.ts';
import { retryCallsFailedByOutage } from '../auto-retry.ts';
import { sweepScratchDirs } from '../scratch.ts';
import { tmpdir } from 'node:os';

export const DEFAULT_RECONCILE_INTERVAL_MS = 60_000;
const SCRATCH_SWEEP_INTERVAL_MS = 10 * 60_000;

export interface CallWorkerOptions {
  redisUrl: string;
  /** For the per-call Postgres lock's own small connection pool (call-lock.ts). */
  databaseUrl: string;
  prefix?: string;
  /** Jobs run at once in this process (WORKER_CONCURRENCY). ffmpeg runs in child processes. */
  concurrency: number;
  deps: ProcessCallDeps;
  retry?: RetryPolicy;
  /**
   * How long a job's lock lives without renewal (renewed every half of it). A worker that dies loses
   * its lock after this long and the job is handed to another worker by the stalled check. Default 60 s.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. Default 30 s. */
  stalledIntervalMs?: number;
  /** Times a job may stall (worker died mid-job) before it is failed. Default 3. */
  maxStalledCount?: number;
  /**
   * Every so often (and at start), enqueue every unfinished call: a no-op for calls whose job exists,
   * and the safety net for a job lost from Redis (evicted, AOF off, failed after too many stalls).
   * Also retries calls an outage left failed (auto-retry.ts). null disables. Default 60 s
   * (`RECONCILE_INTERVAL_SECONDS`).
   */
  reconcileIntervalMs?: number | null;
  /** For tests only: replaces the pipeline's handler table. */
  handlers?: HandlerTable;
}

export interface CallWorker {
  /** Stops taking jobs and waits for the running ones to finish (graceful drain). */
  close(): Promise<void>;
  readonly worker: Worker;
  /** The one slot for re-check runs (redis.ts, RECHECK_QUEUE_NAME), beside the calls' slots. */
  readonly recheckWorker: Worker;
}

/**
 * The BullMQ consumer. Retries: transient errors up to `retry.attempts` with exponential backoff and
 * jitter (our custom strategy); permanent ones are thrown as UnrecoverableError so BullMQ does not retry.
 */
export async function startCallWorker(options: CallWorkerOptions): Promise<CallWorker> {
  const { deps } = options;
  const { log } = deps;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  // Refuses to start on a broken handler table (before touching Redis).
  // one lock connection per call slot, one for the re-check slot, one spare
  const lock = postgresCallLock(options.databaseUrl, log, options.concurrency + 2);
  const table =
    options.handlers ?? createHandlerTable(deps, { lock: (callId, run) => lock.withLock(callId, run) });
  // What a killed worker left behind: scratch copies, and ffmpeg still running on them.
  const sweepScratch = () =>
    sweepScratchDirs(deps.tmpDir ?? tmpdir()).then(
      (swept) => swept.dirsRemoved && log.info(swept, 'removed scratch directories of dead workers'),
      (err: unknown) => log.warn({ err: (err as Error).message }, 'scratch sweep failed'),
    );
  await sweepScratch();
  const scratchTimer = setInterval(() => void sweepScratch(), SCRATCH_SWEEP_INTERVAL_MS);
  scratchTimer.unref();
  const redis: Redis = createWorkerConnection(options.redisUrl, log);
  await checkRedisDurability(redis, log);

  const runJob: Processor = async (job, token, signal) => {
    const parsed = parseJob(job.name, job.data);
    if (!parsed) throw new UnrecoverableError(`Unknown job ${job.name} or malformed payload`);
    const attempts = job.opts.attempts ?? 1;
    const outcome = await runAttempt(
      table,
      deps,
      parsed,
      job.attemptsMade + 1,
      attempts,
      signal ?? new AbortController().signal,
    ).catch(async (error: unknown) => {
      // The last attempt failed and the call could not be marked failed (the database is down):
      // keep the job, delayed, without counting an attempt — it runs again until the outage ends.
      if (error instanceof GiveUpNotRecordedError && token) {
        await job.moveToDelayed(Date.now() + keptJobDelayMs(retry), token);
        throw new DelayedError();
      }
      throw error;
    });
    if (outcome.status === 'failed') throw new UnrecoverableError(outcome.reason);
    return outcome.status;
  };
  const workerOptions = (concurrency: number): WorkerOptions => ({
    connection: redis,
    prefix,
    concurrency,
    lockDuration: options.lockDurationMs ?? 60_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 3,
    settings: {
      backoffStrategy: (attemptsMade, type) => {
        if (type !== BACKOFF_TYPE) throw new Error(`Unknown backoff type ${type}`);
        return backoffDelay(attemptsMade, retry);
      },
    },
  });
  const worker = new Worker(QUEUE_NAME, runJob, workerOptions(options.concurrency));
  // Re-check jobs queued by an older version went to the calls queue; runJob serves them there too.
  const recheckWorker = new Worker(RECHECK_QUEUE_NAME, runJob, workerOptions(1));
  for (const w of [worker, recheckWorker]) {
    w.on('error', (err) => log.error({ err: err.message, queue: w.name }, 'worker error'));
    w.on('stalled', (jobId) =>
      log.warn({ jobId }, 'job stalled (its worker died or was blocked); handed back to the queue'),
    );
  }
  await Promise.all([worker.waitUntilReady(), recheckWorker.waitUntilReady()]);

  // Reconciliation uses a producer connection of its own (enqueue must not wait behind blocking reads).
  const producer =
    options.reconcileIntervalMs === null
      ? null
      : new BullmqCallQueue({ redisUrl: options.redisUrl, prefix, attempts: retry.attempts, log });
  let timer: NodeJS.Timeout | undefined;
  const reconcileIntervalMs = options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS;
  const reconcile = async () => {
    if (!producer) return;
    try {
      const ids = await listUnfinishedCallIds(deps.db);
      for (const id of ids) await producer.enqueueCall(id);
      if (ids.length) log.info({ count: ids.length }, 'reconciled unfinished calls with the queue');
      await retryCallsFailedByOutage(deps, producer, reconcileIntervalMs);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'reconciliation failed; will try again');
    }
  };
  if (producer) {
    await reconcile();
    timer = setInterval(() => void reconcile(), reconcileIntervalMs);
    timer.unref();
  }

  return {
    worker,
    recheckWorker,
    async close() {
      clearInterval(timer);
      clearInterval(scratchTimer);
      await Promise.all([worker.close(), recheckWorker.close()]);
      await producer?.close();
      await lock.close();
      redis.disconnect();
    },
  };
}
