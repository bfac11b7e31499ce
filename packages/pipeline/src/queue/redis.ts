import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../deps.ts';

/** One queue for every call job; the key prefix namespaces it (tests use one prefix per file). */
export const QUEUE_NAME = 'calls';
/**
 * Re-check runs (a published policy or checklist, thousands of calls in batches) have a queue of their
 * own, which every worker serves with one slot beside its WORKER_CONCURRENCY call slots: a run that
 * takes twenty minutes must not hold back the calls uploaded meanwhile.
 */
export const RECHECK_QUEUE_NAME = 'rechecks';
export const DEFAULT_PREFIX = 'onterms';

/**
 * Worker side: commands wait through a Redis restart instead of failing (BullMQ requires
 * `maxRetriesPerRequest: null` for its blocking connections).
 */
export function createWorkerConnection(redisUrl: string, log: Logger): Redis {
  return withErrorLog(new Redis(redisUrl, { maxRetriesPerRequest: null }), log, 'worker');
}

/**
 * API side (producer): fail fast. No offline queue, a short connect timeout and one try per command,
 * so an upload gets a 503 in about a second rather than hanging while Redis is down.
 */
export function createProducerConnection(redisUrl: string, log: Logger, overrides: RedisOptions = {}): Redis {
  return withErrorLog(
    new Redis(redisUrl, {
      enableOfflineQueue: false,
      connectTimeout: 1_000,
      maxRetriesPerRequest: 1,
      // Keep trying to reconnect in the background (capped at 2 s between tries) so the API recovers
      // on its own once Redis is back.
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      ...overrides,
    }),
    log,
    'producer',
  );
}

/** ioredis emits 'error' on every failed reconnect; log it once per outage instead of crashing/spamming. */
function withErrorLog(redis: Redis, log: Logger, role: string): Redis {
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message, role }, 'redis connection error');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({ role }, 'redis connection restored');
    down = false;
  });
  return redis;
}

/**
 * BullMQ keeps jobs only in Redis: an evicting `maxmemory-policy` silently drops queued calls, and
 * without AOF a Redis restart loses the last seconds of enqueues. Production Redis must run with
 * `maxmemory-policy noeviction` and `appendonly yes` (see README). We check at worker start and warn —
 * not refuse, since managed Redis may hide CONFIG.
 */
export async function checkRedisDurability(redis: Redis, log: Logger): Promise<void> {
  try {
    const policy = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const aof = (await redis.config('GET', 'appendonly')) as string[];
    if (policy[1] !== 'noeviction') {
      log.warn(
        { maxmemoryPolicy: policy[1] },
        'Redis maxmemory-policy is not "noeviction": queued jobs can be evicted under memory pressure. Set maxmemory-policy noeviction.',
      );
    }
    if (aof[1] !== 'yes') {
      log.warn(
        { appendonly: aof[1] },
        'Redis AOF is off: a Redis restart can lose recently enqueued jobs. Set appendonly yes.',
      );
    }
  } catch (err) {
    log.warn(
      { err: (err as Error).message },
      'could not read the Redis configuration (CONFIG GET); check noeviction + AOF by hand',
    );
  }
}
