import { Queue, type JobsOptions } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { silentLogger, type Logger } from '../deps.ts';
import { jobIdFor, JobName, type Job } from '../jobs.ts';
import { BACKOFF_TYPE, DEFAULT_RETRY_POLICY } from '../retry-policy.ts';
import type { CallQueue, QueueHealth } from './call-queue.ts';
import { QueueUnavailableError } from './call-queue.ts';
import { createProducerConnection, DEFAULT_PREFIX, QUEUE_NAME } from './redis.ts';

export interface BullmqCallQueueOptions {
  redisUrl: string;
  prefix?: string;
  /** Attempts per job (the delays come from the worker's backoff strategy). */
  attempts?: number;
  /** Upper bound on one enqueue, on top of the connection's own fail-fast settings. */
  timeoutMs?: number;
  log?: Logger;
  /** For tests (e.g. a shorter connect timeout). */
  redisOptions?: RedisOptions;
}

/**
 * Job ids and re-enqueueing: one job id per (job name, call) — `process-call-<uuid>` — so BullMQ itself
 * drops an `add` while that call's job is waiting, delayed (between retries) or active. Finished jobs are
 * removed (`removeOnComplete`/`removeOnFail: true`), which frees the id: a later enqueue (a transcript
 * uploaded for a `waiting` call, a retry of a `failed` one, a re-analysis) creates a fresh job. The
 * outcome of a finished job lives in Postgres (status, failure_reason), not in Redis.
 */
export function jobOptions(job: Job, attempts: number): JobsOptions {
  return {
    jobId: jobIdFor(job),
    attempts,
    backoff: { type: BACKOFF_TYPE },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

export class BullmqCallQueue implements CallQueue {
  private readonly redis: Redis;
  private readonly queue: Queue;
  private readonly attempts: number;
  private readonly timeoutMs: number;

  constructor(options: BullmqCallQueueOptions) {
    const log = options.log ?? silentLogger;
    this.redis = createProducerConnection(options.redisUrl, log, options.redisOptions);
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.redis,
      prefix: options.prefix ?? DEFAULT_PREFIX,
      // Do not wait for "ready" before a command: with the offline queue off, a command on a dead
      // connection then rejects at once instead of waiting for a reconnect.
      skipWaitingForReady: true,
    });
    this.queue.on('error', (err) => log.warn({ err: err.message }, 'queue error'));
    this.attempts = options.attempts ?? DEFAULT_RETRY_POLICY.attempts;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  async enqueueCall(callId: string, options: { reanalyze?: boolean } = {}): Promise<void> {
    const job: Job = { name: options.reanalyze ? JobName.ReanalyzeCall : JobName.ProcessCall, data: { callId } };
    await this.withTimeout(this.queue.add(job.name, job.data, jobOptions(job, this.attempts)), 'enqueue the call');
  }

  async health(): Promise<QueueHealth> {
    try {
      await this.withTimeout(this.redis.ping(), 'reach Redis');
      return { ok: true, detail: 'redis: ok' };
    } catch (error) {
      return { ok: false, detail: `redis: ${(error as Error).message}` };
    }
  }

  /** For tests and operations: how many jobs exist in each state. */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => {});
    this.redis.disconnect();
  }

  private async withTimeout<T>(operation: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } catch (error) {
      throw new QueueUnavailableError(`The job queue is unavailable: could not ${what} (${(error as Error).message}).`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
