export { createPipeline, type Pipeline, type PipelineOptions } from './create-pipeline.ts';
export type { CallQueue, QueueHealth } from './queue/call-queue.ts';
export { QueueUnavailableError } from './queue/call-queue.ts';
export { BullmqCallQueue, type BullmqCallQueueOptions } from './queue/bullmq-queue.ts';
export {
  DEFAULT_RECONCILE_INTERVAL_MS,
  startCallWorker,
  type CallWorker,
  type CallWorkerOptions,
} from './queue/bullmq-worker.ts';
export { MAX_AUTO_RETRIES, retryCallsFailedByOutage } from './auto-retry.ts';
export { InProcessRunner, type InProcessRunnerOptions } from './queue/in-process-runner.ts';
export { checkRedisDurability, DEFAULT_PREFIX, QUEUE_NAME } from './queue/redis.ts';
export { processCall, reanalyzeCall, type ProcessCallOptions } from './process-call.ts';
export { createHandlerTable } from './handlers.ts';
export {
  JobName,
  JOB_NAMES,
  buildHandlerTable,
  HandlerTableError,
  type Job,
  type JobOutcome,
} from './jobs.ts';
export { PermanentError } from './errors.ts';
export {
  FailureCode,
  OUTAGE_CODES,
  callFailure,
  gaveUpFailure,
  outageKind,
  permanentFailure,
  type CallFailure,
} from './failures.ts';
export { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy } from './retry-policy.ts';
export { NO_ENGINE_REASON } from './steps/transcribe.ts';
export { derivedKeys } from './steps/derived-keys.ts';
export type { Analyze, Logger, PipelineStore, ProcessCallDeps } from './deps.ts';
export { createDefaultDeps, type DefaultDepsOptions } from './default-deps.ts';
