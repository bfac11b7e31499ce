import type { ProcessCallDeps } from './deps.ts';
import { buildHandlerTable, JobName, type HandlerTable, type JobContext, type JobOutcome } from './jobs.ts';
import { processCall, reanalyzeCall } from './process-call.ts';
import { recheckCalls } from '@onterms/domain';
import { CallBusyError } from './errors.ts';

/** A job arrived before the row that enqueued it was committed (the API enqueues inside its transaction). */
export class CallNotVisibleError extends Error {
  override readonly name = 'CallNotVisibleError';
  constructor(readonly callId: string) {
    super(`Call ${callId} does not exist (yet)`);
  }
}

export interface HandlerOptions {
  /** Wraps each run in a per-call lock; the BullMQ worker uses the Postgres advisory lock (call-lock.ts). */
  lock?: (callId: string, run: () => Promise<JobOutcome>) => Promise<JobOutcome>;
}

/** The pipeline's job handlers, checked as a table (every job name handled exactly once). */
export function createHandlerTable(deps: ProcessCallDeps, options: HandlerOptions = {}): HandlerTable {
  const lock = options.lock ?? ((_callId, run) => run());
  const guard = (outcome: JobOutcome, callId: string, context: JobContext): JobOutcome => {
    // Not found on the first attempt: most likely not committed yet, so retry once; later, it was deleted.
    if (outcome.status === 'skipped' && outcome.missing && context.attempt === 1)
      throw new CallNotVisibleError(callId);
    return outcome;
  };
  return buildHandlerTable([
    {
      name: JobName.ProcessCall,
      handle: async ({ callId }, context) =>
        guard(
          await lock(callId, () => processCall(deps, callId, { signal: context.signal })),
          callId,
          context,
        ),
    },
    {
      name: JobName.ReanalyzeCall,
      handle: async ({ callId }) => lock(callId, () => reanalyzeCall(deps, callId)),
    },
    {
      // batches commit one by one and skip what is done, so a retry after a crash resumes the run;
      // a checklist run re-analyses each call under the call's lock, like a single re-analysis
      name: JobName.RecheckPolicy,
      handle: async ({ recheckId }, context) => {
        const reanalyze = (callId: string) =>
          lock(callId, () => reanalyzeCall(deps, callId)).catch((e: unknown) => {
            // another run holds the call: it analyses it with the current checklist (or the next pass does)
            if (e instanceof CallBusyError) return { status: 'skipped' } as const;
            throw e;
          });
        const outcome = await recheckCalls({ db: deps.db, reanalyzeCall: reanalyze }, recheckId, {
          signal: context.signal,
        });
        if (outcome === 'aborted') throw new Error('re-check interrupted; will resume');
        return outcome === 'done' ? { status: 'analyzed' } : { status: 'skipped' };
      },
    },
  ]);
}
