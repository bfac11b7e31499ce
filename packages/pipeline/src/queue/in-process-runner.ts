import { silentLogger, type Logger, type ProcessCallDeps } from '../deps.ts';
import { isCallJob, jobIdFor, jobSubject, JobName, type HandlerTable, type Job } from '../jobs.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY, keptJobDelayMs, type RetryPolicy } from '../retry-policy.ts';
import type { CallQueue, QueueHealth } from './call-queue.ts';
import { tmpdir } from 'node:os';
import { retryCallsFailedByOutage } from '../auto-retry.ts';
import { sweepScratchDirs } from '../scratch.ts';
import { GiveUpNotRecordedError } from '../process-call.ts';
import { runAttempt } from './run-job.ts';

export interface InProcessRunnerOptions {
  table: HandlerTable;
  deps: Pick<ProcessCallDeps, 'db' | 'log' | 'tmpDir'>;
  concurrency: number;
  retry?: RetryPolicy;
  /** Calls to resume at start (normally `listUnfinishedCallIds`). */
  listUnfinished: () => Promise<string[]>;
  /** Policy re-check runs to resume at start (those still `running`). */
  listUnfinishedRechecks?: () => Promise<string[]>;
  log?: Logger;
  /**
   * How often calls an outage left failed are retried (auto-retry.ts); null or omitted: never
   * (`RECONCILE_INTERVAL_SECONDS` in production).
   */
  reconcileIntervalMs?: number | null;
}

interface Entry {
  job: Job;
  attempt: number;
}

/**
 * Embedded mode (no REDIS_URL): the same handlers as the BullMQ worker, run inside the API process.
 * - bounded concurrency, FIFO;
 * - one entry per (job name, call): enqueueing a call that is pending, waiting to retry or running is a no-op,
 *   and two jobs for the same call never run at once;
 * - transient errors retried with the same exponential backoff + jitter as BullMQ;
 * - nothing is kept in memory that matters: the call's status in Postgres is the queue. At start it
 *   resumes every unfinished call (queued / processing / transcribed), so calls interrupted by a
 *   restart — or waiting for a retry when it happened — carry on.
 */
export class InProcessRunner implements CallQueue {
  private readonly pending: Entry[] = [];
  private readonly known = new Set<string>();
  private readonly runningCalls = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  /** Re-check runs going (at most one): a lane of their own, beside the calls' `concurrency`. */
  private runningBatches = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly abort = new AbortController();
  private readonly retry: RetryPolicy;
  private readonly log: Logger;
  private closed = false;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: InProcessRunnerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.log = options.log ?? options.deps.log ?? silentLogger;
  }

  /** Resumes unfinished calls; call once after construction. */
  async start(): Promise<number> {
    // The previous run of this process may have been killed mid-call: its scratch copies go first.
    await sweepScratchDirs(this.options.deps.tmpDir ?? tmpdir()).catch(() => undefined);
    const ids = await this.options.listUnfinished();
    for (const id of ids) this.add({ name: JobName.ProcessCall, data: { callId: id } });
    if (ids.length) this.log.info({ count: ids.length }, 'resuming unfinished calls');
    for (const recheckId of (await this.options.listUnfinishedRechecks?.()) ?? [])
      this.add({ name: JobName.RecheckPolicy, data: { recheckId } });
    const interval = this.options.reconcileIntervalMs;
    if (interval) {
      this.reconcileTimer = setInterval(() => {
        retryCallsFailedByOutage(this.options.deps, this, interval).catch((err: unknown) =>
          this.log.warn(
            { err: (err as Error).message },
            'automatic retry of failed calls failed; will try again',
          ),
        );
      }, interval);
      this.reconcileTimer.unref();
    }
    return ids.length;
  }

  async enqueueCall(callId: string, options: { reanalyze?: boolean } = {}): Promise<void> {
    this.add({ name: options.reanalyze ? JobName.ReanalyzeCall : JobName.ProcessCall, data: { callId } });
  }

  async enqueueRecheck(recheckId: string): Promise<void> {
    this.add({ name: JobName.RecheckPolicy, data: { recheckId } });
  }

  async health(): Promise<QueueHealth> {
    return {
      ok: !this.closed,
      detail: `in-process runner: ${this.runningCalls.size} running, ${this.pending.length} pending, ${this.timers.size} waiting to retry`,
    };
  }

  /** Resolves when nothing is pending, running or waiting to retry (tests, benchmarks). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking work, drops pending entries and scheduled retries (their calls stay unfinished in
   * Postgres and resume at the next start) and waits for running jobs to finish.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reconcileTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private add(job: Job): void {
    if (this.closed) return; // still unfinished in Postgres: resumed at the next start
    const id = jobIdFor(job);
    if (this.known.has(id)) return;
    this.known.add(id);
    this.pending.push({ job, attempt: 1 });
    this.pump();
  }

  /**
   * Starts what may start: calls up to `concurrency`, and one re-check run beside them — a run that
   * re-analyses thousands of calls for minutes must not hold the only slot new uploads wait for.
   */
  private pump(): void {
    while (!this.closed) {
      const callSlot = this.running.size - this.runningBatches < this.options.concurrency;
      const batchSlot = this.runningBatches === 0;
      // Skip entries whose call is already running (e.g. a re-analysis queued behind the pipeline).
      const index = this.pending.findIndex(
        (e) => !this.runningCalls.has(jobSubject(e.job)) && (isCallJob(e.job) ? callSlot : batchSlot),
      );
      if (index < 0) break;
      const [entry] = this.pending.splice(index, 1) as [Entry];
      const batch = !isCallJob(entry.job);
      const run = this.run(entry).finally(() => {
        this.running.delete(run);
        if (batch) this.runningBatches -= 1;
        this.runningCalls.delete(jobSubject(entry.job));
        this.pump();
        this.notifyIdle();
      });
      if (batch) this.runningBatches += 1;
      this.runningCalls.add(jobSubject(entry.job));
      this.running.add(run);
    }
  }

  private async run(entry: Entry): Promise<void> {
    const { job, attempt } = entry;
    const id = jobIdFor(job);
    try {
      await runAttempt(
        this.options.table,
        this.options.deps,
        job,
        attempt,
        this.retry.attempts,
        this.abort.signal,
      );
      this.known.delete(id);
    } catch (error) {
      // The last attempt failed and the call could not even be marked failed: keep the job (same
      // attempt number) and run it again shortly, so the call resumes as soon as the outage ends.
      const kept = error instanceof GiveUpNotRecordedError;
      if ((attempt >= this.retry.attempts && !kept) || this.closed) {
        this.known.delete(id);
        return;
      }
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          if (this.closed) return;
          this.pending.push({ job, attempt: kept ? attempt : attempt + 1 });
          this.pump();
        },
        kept ? keptJobDelayMs(this.retry) : backoffDelay(attempt, this.retry),
      );
      this.timers.add(timer);
    }
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.running.size === 0 && this.timers.size === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
