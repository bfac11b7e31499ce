/**
 * One retry policy for both runners (BullMQ and in-process): a failed attempt of a transient error is
 * retried after an exponentially growing delay with "equal jitter" (half fixed, half random), so a
 * burst of calls failing together (Redis blip, disk full for a minute) does not retry in lockstep.
 * Permanent errors (errors.ts) are never retried.
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  /** Delay before the first retry, before jitter. */
  baseDelayMs: number;
  /** Cap on any single delay. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

/** Name of our strategy in BullMQ's `backoff.type`. */
export const BACKOFF_TYPE = 'onterms-exponential-jitter';

/**
 * Delay before retry number `retry` (1 = the first retry). `random` in [0, 1) is injectable for tests.
 * Bounds: [d/2, d) where d = min(maxDelayMs, baseDelayMs · 2^(retry-1)).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * Delay before a job whose last attempt failed during an outage (and whose call could not be marked
 * failed) runs again: short and fixed, so a call resumes within seconds of the outage ending.
 */
export function keptJobDelayMs(policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, 5_000);
}
