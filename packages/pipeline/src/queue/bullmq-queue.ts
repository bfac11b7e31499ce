import { Queue, type JobsOptions } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { silentLogger, type Logger } from '../deps.ts';
import { jobIdFor, JobName, type Job } from '../jobs.ts';
import { BACKOFF_TYPE, DEFAULT_RETRY_POLICY } from '../retry-policy.ts';
import type { CallQueue, QueueHealth } from './call-queue.ts';
import { QueueUnavailableError } from './call-queue.ts';
import { createProducerConnection, DEFAULT_PREFIX, QUEUE_NAME, RECHECK_QUEUE_NAME } from './redis.ts';

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
  private readonly prefix: string;
  private readonly log: Logger;
  private queue: Queue | null = null;
  private recheckQueue: Queue | null = null;
  private connecting: Promise<void> | null = null;
  private readonly attempts: number;
  private readonly timeoutMs: number;

  constructor(options: BullmqCallQueueOptions) {
    this.log = options.log ?? silentLogger;
    this.redis = createProducerConnection(options.redisUrl, this.log, options.redisOptions);
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    this.attempts = options.attempts ?? DEFAULT_RETRY_POLICY.attempts;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  async enqueueCall(callId: string, options: { reanalyze?: boolean } = {}): Promise<void> {
    const job: Job = {
      name: options.reanalyze ? JobName.ReanalyzeCall : JobName.ProcessCall,
      data: { callId },
    };
    await this.withTimeout(
      this.connected().then((queue) => queue.add(job.name, job.data, jobOptions(job, this.attempts))),
      'enqueue the call',
    );
  }

  async enqueueRecheck(recheckId: string): Promise<void> {
    const job: Job = { name: JobName.RecheckPolicy, data: { recheckId } };
    await this.withTimeout(
      this.connected(RECHECK_QUEUE_NAME).then((queue) =>
        queue.add(job.name, job.data, jobOptions(job, this.attempts)),
      ),
      'enqueue the policy re-check',
    );
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
    const queue = await this.connected();
    return queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }

  async close(): Promise<void> {
    await this.queue?.close().catch(() => {});
    await this.recheckQueue?.close().catch(() => {});
    this.redis.disconnect();
  }

  /**
   * The BullMQ Queue, created on first use once the connection is up: BullMQ runs commands as soon as
   * it is constructed, and with the offline queue off those would fail while still connecting and leave
   * the Queue unusable. Fails at once while Redis is known to be down (ioredis is reconnecting).
   */
  private async connected(name: typeof QUEUE_NAME | typeof RECHECK_QUEUE_NAME = QUEUE_NAME): Promise<Queue> {
    if (
      this.redis.status === 'reconnecting' ||
      this.redis.status === 'end' ||
      this.redis.status === 'close'
    ) {
      throw new Error(`Redis connection is ${this.redis.status}`);
    }
    if (this.redis.status !== 'ready') {
      // One pair of listeners however many enqueues wait for the first connection.
      this.connecting ??= new Promise<void>((resolve, reject) => {
        const onReady = () => (this.redis.off('error', onError), resolve());
        const onError = (err: Error) => (this.redis.off('ready', onReady), reject(err));
        this.redis.once('ready', onReady);
        this.redis.once('error', onError);
      }).finally(() => {
        this.connecting = null;
      });
      await this.connecting;
    }
    if (name === RECHECK_QUEUE_NAME) return (this.recheckQueue ??= this.open(name));
    return (this.queue ??= this.open(name));
  }

  private open(name: string): Queue {
    const queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
    queue.on('error', (err) => this.log.warn({ err: err.message, queue: name }, 'queue error'));
    return queue;
  }

  private async withTimeout<T>(operation: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } catch (error) {
      throw new QueueUnavailableError(
        `The job queue is unavailable: could not ${what} (${(error as Error).message}).`,
        {
          cause: error,
        },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
