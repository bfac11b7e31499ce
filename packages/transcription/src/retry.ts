/**
 * Retries with exponential backoff and full jitter, honouring the server's Retry-After. Used by the
 * OpenAI engine with the SDK's own retries switched off (maxRetries: 0): the SDK caps Retry-After
 * at 60 s and its backoff cannot see our AbortSignal between attempts nor the whole call's budget.
 */
export interface RetryPolicy {
  /** Attempts in total, first included. */
  attempts: number;
  /** First backoff, ms; doubles each time, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is thrown (the job retries later). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export interface RetryDecision {
  retry: boolean;
  /** Server-requested wait, ms (Retry-After / retry-after-ms), when given. */
  retryAfterMs?: number | null;
}

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  policy: RetryPolicy,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = classify(error);
      if (!decision.retry || attempt >= policy.attempts || signal.aborted) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      let delay = random() * backoff; // full jitter
      if (decision.retryAfterMs != null) {
        if (decision.retryAfterMs > policy.maxRetryAfterMs) throw error;
        // Never earlier than the server asked; a little jitter on top so parallel chunks don't stampede.
        delay = decision.retryAfterMs + random() * Math.min(1_000, policy.baseDelayMs);
      }
      await sleep(delay, signal);
    }
  }
}

/** Parses `retry-after-ms`, then `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
  now = Date.now(),
): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
