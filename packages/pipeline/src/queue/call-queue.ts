/**
 * What the API sees of the pipeline: hand it a call, ask whether it is up. Implemented by the BullMQ
 * producer (production) and the in-process runner (embedded mode, no Redis).
 */
export interface CallQueue {
  /**
   * Schedules a call. Idempotent: while a job for this call (and kind) is waiting, delayed or running,
   * another enqueue does nothing. `reanalyze`: only analyse + store again from the stored segments.
   * Rejects with QueueUnavailableError — quickly, never hanging — when the queue cannot be reached.
   */
  enqueueCall(callId: string, options?: { reanalyze?: boolean }): Promise<void>;
  /**
   * Schedules a credit-policy re-check run (idempotent per run id, like calls). Rejects with
   * QueueUnavailableError when the queue cannot be reached.
   */
  enqueueRecheck(recheckId: string): Promise<void>;
  health(): Promise<QueueHealth>;
  close(): Promise<void>;
}

export interface QueueHealth {
  ok: boolean;
  /** One line for the health endpoint / logs, e.g. "redis: ok" or the connection error. */
  detail: string;
}

/** The queue is down (Redis unreachable): the API answers 503 and the client may retry later. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
