import { listUnfinishedCallIds, listRunningRecheckIds } from '@onterms/db';
import type { ProcessCallDeps } from './deps.ts';
import { createHandlerTable } from './handlers.ts';
import { BullmqCallQueue } from './queue/bullmq-queue.ts';
import type { CallQueue } from './queue/call-queue.ts';
import { InProcessRunner } from './queue/in-process-runner.ts';
import type { RetryPolicy } from './retry-policy.ts';

export interface PipelineOptions {
  /** `config.redisUrl`: set → BullMQ producer (jobs run in `npm run worker`); null → in-process runner. */
  redisUrl: string | null;
  /** `config.worker.concurrency`: calls processed at once by the in-process runner. */
  concurrency: number;
  /** What the in-process runner runs calls with; not used with Redis (the worker has its own). */
  deps: ProcessCallDeps;
  /** BullMQ key prefix (default `onterms`). */
  prefix?: string;
  retry?: RetryPolicy;
  /** `config.worker.reconcileIntervalMs`: how often the in-process runner retries calls an outage failed. */
  reconcileIntervalMs?: number | null;
}

export interface Pipeline {
  mode: 'bullmq' | 'in-process';
  queue: CallQueue;
  /** Graceful: the in-process runner lets running calls finish (pending ones resume at next start). */
  close(): Promise<void>;
}

/**
 * For the API server. With Redis: a fail-fast producer (`enqueueCall` rejects with
 * QueueUnavailableError when Redis is down → 503). Without: the embedded runner, started here, which
 * first resumes every unfinished call left by the previous run.
 */
export async function createPipeline(options: PipelineOptions): Promise<Pipeline> {
  if (options.redisUrl) {
    const queue = new BullmqCallQueue({
      redisUrl: options.redisUrl,
      log: options.deps.log,
      ...(options.prefix !== undefined && { prefix: options.prefix }),
      ...(options.retry && { attempts: options.retry.attempts }),
    });
    return { mode: 'bullmq', queue, close: () => queue.close() };
  }
  const runner = new InProcessRunner({
    table: createHandlerTable(options.deps),
    deps: options.deps,
    concurrency: options.concurrency,
    listUnfinished: () => listUnfinishedCallIds(options.deps.db),
    listUnfinishedRechecks: () => listRunningRecheckIds(options.deps.db),
    ...(options.retry && { retry: options.retry }),
    ...(options.reconcileIntervalMs !== undefined && { reconcileIntervalMs: options.reconcileIntervalMs }),
  });
  await runner.start();
  return { mode: 'in-process', queue: runner, close: () => runner.close() };
}
