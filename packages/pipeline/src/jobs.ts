/**
 * Every job the pipeline runs, by name, with its payload. Payloads carry ids only: BullMQ stores them
 * in clear text in Redis, so nothing personal (names, transcripts, file names) ever goes in a job.
 */
export const JobName = {
  /** The whole pipeline for one call: prepare audio → transcribe → analyse → store. */
  ProcessCall: 'process-call',
  /** Analyse + store again from the stored segments (new rules or checklist); audio and transcript untouched. */
  ReanalyzeCall: 'reanalyze-call',
  /**
   * One re-check run, in batches: every analysed call checked against a newly published credit policy
   * version, or analysed again with a newly published company checklist (the run row says which).
   */
  RecheckPolicy: 'recheck-policy',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];
export const JOB_NAMES: readonly JobName[] = Object.values(JobName);

export type Job =
  | { name: typeof JobName.ProcessCall; data: { callId: string } }
  | { name: typeof JobName.ReanalyzeCall; data: { callId: string } }
  | { name: typeof JobName.RecheckPolicy; data: { recheckId: string } };
/** The jobs about one call (the call lock, a call's status); the others are batch runs. */
export type CallJob = Extract<Job, { data: { callId: string } }>;
export const isCallJob = (job: Job): job is CallJob => 'callId' in job.data;
export type JobData<N extends JobName> = Extract<Job, { name: N }>['data'];

/** What a handler reports. `failed`: the call was marked failed for a permanent reason — do not retry. */
export type JobOutcome =
  | { status: 'analyzed' | 'waiting' }
  /** Nothing to do. `missing`: no such call (deleted — or its row is not committed yet). */
  | { status: 'skipped'; missing?: true }
  | { status: 'failed'; reason: string };

export type JobHandler<N extends JobName = JobName> = (
  data: JobData<N>,
  context: JobContext,
) => Promise<JobOutcome>;
export interface JobContext {
  /** 1 for the first attempt. */
  attempt: number;
  signal: AbortSignal;
}

export interface HandlerRegistration<N extends JobName = JobName> {
  name: N;
  handle: JobHandler<N>;
}

/** A registration for any one job name (a union, so each handler is checked against its own payload). */
export type AnyHandlerRegistration = { [N in JobName]: HandlerRegistration<N> }[JobName];

export class HandlerTableError extends Error {
  override readonly name = 'HandlerTableError';
}

export type HandlerTable = ReadonlyMap<JobName, JobHandler>;

/**
 * Builds the dispatch table and refuses (throws) when a job name has no handler, two handlers, or a
 * handler is registered for a name that does not exist — checked when a runner starts, not when the
 * first such job arrives.
 */
export function buildHandlerTable(registrations: readonly AnyHandlerRegistration[]): HandlerTable {
  const table = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const r of registrations) {
    if (!JOB_NAMES.includes(r.name)) problems.push(`handler for unknown job "${String(r.name)}"`);
    else if (table.has(r.name)) problems.push(`two handlers for job "${r.name}"`);
    else table.set(r.name, r.handle as JobHandler);
  }
  for (const name of JOB_NAMES) if (!table.has(name)) problems.push(`no handler for job "${name}"`);
  if (problems.length) throw new HandlerTableError(`Job handler table is invalid: ${problems.join('; ')}`);
  return table;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a job read back from the queue; null when the name or payload is not one of ours. */
export function parseJob(name: string, data: unknown): Job | null {
  if (!JOB_NAMES.includes(name as JobName)) return null;
  if (name === JobName.RecheckPolicy) {
    const recheckId = (data as { recheckId?: unknown } | null)?.recheckId;
    if (typeof recheckId !== 'string' || !UUID.test(recheckId)) return null;
    return { name, data: { recheckId } };
  }
  const callId = (data as { callId?: unknown } | null)?.callId;
  if (typeof callId !== 'string' || !UUID.test(callId)) return null;
  return { name: name as JobName, data: { callId } } as Job;
}

/** What a job is about: its call, or its batch run (the in-process runner never runs two at once). */
export function jobSubject(job: Job): string {
  return isCallJob(job) ? job.data.callId : `recheck-${job.data.recheckId}`;
}

/**
 * The queue-side identity of a job: one per (job name, call). BullMQ ignores an `add` whose jobId is
 * already waiting, delayed or active, which is what makes a second enqueue of the same call a no-op.
 * (BullMQ forbids ':' in custom ids.)
 */
export function jobIdFor(job: Job): string {
  return isCallJob(job) ? `${job.name}-${job.data.callId}` : `${job.name}-${job.data.recheckId}`;
}
