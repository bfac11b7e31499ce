import type { ProcessCallDeps } from '../deps.ts';
import { CallBusyError } from '../errors.ts';
import { CallNotVisibleError } from '../handlers.ts';
import { isCallJob, jobSubject, JobName, type HandlerTable, type Job, type JobOutcome } from '../jobs.ts';
import { markGaveUp } from '../process-call.ts';

/**
 * One attempt of one job, shared by both runners. Returns the handler's outcome (a permanent failure
 * is `failed`, already recorded on the call); throws a transient error for the runner to retry. On the
 * last attempt, a transient error marks the call failed first, so it never stays "processing".
 */
export async function runAttempt(
  table: HandlerTable,
  deps: Pick<ProcessCallDeps, 'db' | 'log'>,
  job: Job,
  attempt: number,
  attempts: number,
  signal: AbortSignal,
): Promise<JobOutcome> {
  const handle = table.get(job.name);
  if (!handle) throw new Error(`No handler for job ${job.name}`); // unreachable: the table is checked at boot
  try {
    return await handle(job.data as never, { attempt, signal });
  } catch (error) {
    const log = { subject: jobSubject(job), job: job.name, attempt, attempts, err: (error as Error).message };
    if (attempt < attempts) {
      deps.log.warn(log, 'job attempt failed; will retry');
    } else if (
      isCallJob(job) &&
      job.name === JobName.ProcessCall &&
      !(error instanceof CallBusyError) &&
      !(error instanceof CallNotVisibleError)
    ) {
      await markGaveUp(deps, job.data.callId, attempts, error);
    } else {
      deps.log.error(log, 'job gave up');
    }
    throw error;
  }
}
