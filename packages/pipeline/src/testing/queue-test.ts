import { afterAll, beforeAll } from 'vitest';
import { BullmqCallQueue } from '../queue/bullmq-queue.ts';
import {
  deleteRedisPrefix,
  setupPipelineTest,
  TEST_REDIS_URL,
  uniquePrefix,
  type PipelineTestContext,
} from './fixtures.ts';

export interface QueueTest {
  /** The Redis key prefix of this test file's queue (known at once, for worker processes). */
  prefix: string;
  /** Set in beforeAll. */
  ctx: PipelineTestContext;
  /** Set in beforeAll. */
  queue: BullmqCallQueue;
}

/**
 * A test file's database, blob store and BullMQ queue on a Redis prefix of its own: made in beforeAll,
 * removed in afterAll (the queue closed, its keys deleted, the database dropped).
 */
export function useQueueTest(options: { attempts?: number } = {}): QueueTest {
  const test = { prefix: uniquePrefix() } as QueueTest;
  beforeAll(async () => {
    test.ctx = await setupPipelineTest();
    test.queue = new BullmqCallQueue({ redisUrl: TEST_REDIS_URL, prefix: test.prefix, ...options });
  });
  afterAll(async () => {
    await test.queue?.close();
    await deleteRedisPrefix(test.prefix);
    await test.ctx?.cleanup();
  });
  return test;
}
