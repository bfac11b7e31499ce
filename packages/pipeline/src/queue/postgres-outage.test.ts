/**
 * A real PostgreSQL outage, longer than all of a job's attempts, on a cluster of this test's own (a
 * port of its own; the shared server is never touched): the job is kept while even marking the call
 * failed is impossible, and the call is analysed within seconds of the database coming back — not at
 * the next reconciliation, which is switched off here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCallById, openDatabase, type DatabaseHandle } from '@onterms/db';
import { startOwnPostgres, type OwnPostgres } from '@onterms/db/own-postgres';
import { createLocalBlobStore, type LocalBlobStore } from '@onterms/storage';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  countRows,
  deleteRedisPrefix,
  insertTestCall,
  insertTestRep,
  jsonTranscriptFile,
  makeRecording,
  TEST_REDIS_URL,
  testDeps,
  uniquePrefix,
  waitFor,
} from '../testing/fixtures.ts';
import { BullmqCallQueue } from './bullmq-queue.ts';
import { startCallWorker, type CallWorker } from './bullmq-worker.ts';

const prefix = uniquePrefix();
/** The worker's log, shown when the test fails. */
const lines: string[] = [];
const record = (level: string) => (fields: object, message?: string) =>
  void lines.push(
    `${new Date().toISOString()} ${level} ${message ?? ''} ${JSON.stringify(fields).slice(0, 200)}`,
  );
const log = { debug() {}, info: record('info'), warn: record('warn'), error: record('error') };
const RETRY = { attempts: 3, baseDelayMs: 100, maxDelayMs: 400 };
let cluster: OwnPostgres;
let database: DatabaseHandle;
let store: LocalBlobStore;
let dir: string;
let worker: CallWorker;
let queue: BullmqCallQueue;

beforeAll(async () => {
  cluster = await startOwnPostgres();
  dir = await mkdtemp(join(tmpdir(), 'onterms-pg-outage-'));
  store = createLocalBlobStore({ root: join(dir, 'blobs') });
  database = await openDatabase({
    databaseUrl: cluster.url,
    dataDir: dir,
    poolSize: 4,
    onIdleError: () => {},
  });
  queue = new BullmqCallQueue({ redisUrl: TEST_REDIS_URL, prefix, attempts: RETRY.attempts });
  worker = await startCallWorker({
    redisUrl: TEST_REDIS_URL,
    databaseUrl: cluster.url,
    prefix,
    concurrency: 1,
    deps: testDeps({ db: database.db, store }, { log }),
    retry: RETRY,
    reconcileIntervalMs: null,
  });
});
afterAll(async () => {
  await worker?.close();
  await queue?.close();
  await deleteRedisPrefix(prefix);
  await database?.close();
  await cluster?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('a call queued during a database outage longer than its attempts is analysed soon after recovery', async () => {
  const rep = await insertTestRep(database.db);
  const recording = await makeRecording(dir, { seconds: 2 });
  const call = await insertTestCall(
    { db: database.db, store, repId: rep.id },
    { recording, transcript: jsonTranscriptFile() },
  );

  await cluster.stop();
  await queue.enqueueCall(call.id);
  // Every attempt (and the retries' backoff) fits in well under a second; the outage lasts 6.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const counts = await queue.counts();
  const kept = (counts.delayed ?? 0) + (counts.waiting ?? 0) + (counts.active ?? 0);
  expect(kept, 'the job is kept through the outage').toBe(1);

  await cluster.start();
  const recovered = Date.now();
  lines.push(`${new Date().toISOString()} database back`);
  const analysed = await waitFor(
    async () => {
      const row = await findCallById(database.db, call.id).catch((e: unknown) => {
        lines.push(`check: ${(e as Error).message}`);
        return null;
      });
      return row?.status === 'analyzed' ? row : null;
    },
    30_000,
    'the call analysed after recovery',
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${lines.join('\n')}`);
  });
  expect(Date.now() - recovered).toBeLessThan(30_000);
  expect(analysed.failureCode).toBeNull();
  expect(await countRows(database.db, call.id)).toMatchObject({ segments: 5, analyses: 1 });
}, 120_000);
