/**
 * `npm run bench:faults [-- --calls N]`: the fault matrix, run for real before a release. A BullMQ
 * worker (the production consumer, in this process) on a PostgreSQL cluster and a Redis of this
 * script's own (other ports; the shared servers are never touched) and an ffmpeg it can break. For
 * each fault, N calls (recording + uploaded transcript) are queued, the fault is injected, then
 * repaired, and every call is followed to the end:
 *   ffmpeg exits 1 · ffmpeg crashes (SIGSEGV) · PostgreSQL down longer than all attempts ·
 *   Redis killed with jobs in it (no persistence: the jobs are gone)
 * Prints, per fault and in total: calls analysed, lost (not analysed in the end), duplicates (extra
 * analyses or transcript rows), and the seconds from repair to the last call analysed.
 * A fault is survived when nothing is lost or duplicated. Exits 1 otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCallById, openDatabase } from '@onterms/db';
import { freePort, startOwnPostgres } from '@onterms/db/own-postgres';
import { createMedia } from '@onterms/media';
import { DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { createReplaceableBinary } from '@onterms/media/testing/replaceable-binary';
import { createLocalBlobStore } from '@onterms/storage';
import { createDefaultDeps } from '../src/default-deps.ts';
import { silentLogger } from '../src/deps.ts';
import { BullmqCallQueue } from '../src/queue/bullmq-queue.ts';
import { startCallWorker } from '../src/queue/bullmq-worker.ts';
import { countRows, insertTestCall, jsonTranscriptFile, makeRecording } from '../src/testing/fixtures.ts';
import { insertBenchRep } from './bench-support.ts';

const args = process.argv.slice(2);
const CALLS = Number(args[args.indexOf('--calls') + 1]) || 3;
const RETRY = { attempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = await mkdtemp(join(tmpdir(), 'onterms-bench-faults-'));
const cluster = await startOwnPostgres();
const redisPort = await freePort();
let redis: ChildProcess | null = null;
const startRedis = async () => {
  redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await sleep(300);
};
const killRedis = () => {
  redis?.kill('SIGKILL');
  redis = null;
};
await startRedis();
const redisUrl = `redis://127.0.0.1:${redisPort}`;

const ffmpeg = await createReplaceableBinary(dir, 'ffmpeg', DEFAULT_BINARY_PATHS.ffmpegPath);
const database = await openDatabase({
  databaseUrl: cluster.url,
  dataDir: dir,
  poolSize: 4,
  onIdleError: () => {},
});
const store = createLocalBlobStore({ root: join(dir, 'blobs') });
const deps = createDefaultDeps({
  db: database.db,
  store,
  media: createMedia({ ffmpegPath: ffmpeg.path }),
  log: silentLogger,
  timeZone: 'Europe/Moscow',
});
const worker = await startCallWorker({
  redisUrl,
  databaseUrl: cluster.url,
  concurrency: 2,
  deps,
  retry: RETRY,
  reconcileIntervalMs: 2_000,
});
const queue = new BullmqCallQueue({ redisUrl, attempts: RETRY.attempts });

const rep = await insertBenchRep(database.db);
const recording = await makeRecording(dir, { seconds: 3 });

async function newCalls(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < CALLS; i++) {
    const call = await insertTestCall(
      { db: database.db, store, repId: rep.id },
      { recording, transcript: jsonTranscriptFile() },
    );
    ids.push(call.id);
  }
  return ids;
}
const enqueueAll = async (ids: string[]) => {
  for (const id of ids) await queue.enqueueCall(id);
};

/** Waits (up to 90 s) until every call is analysed or given up on; then counts. */
async function outcome(ids: string[], repairedAt: number) {
  const deadline = Date.now() + 90_000;
  let analysed = 0;
  while (Date.now() < deadline) {
    const statuses = await Promise.all(
      ids.map((id) =>
        findCallById(database.db, id)
          .then((c) => c?.status)
          .catch(() => null),
      ),
    );
    analysed = statuses.filter((s) => s === 'analyzed').length;
    if (analysed === ids.length) break;
    await sleep(250);
  }
  const recovery = (Date.now() - repairedAt) / 1000;
  let duplicates = 0;
  for (const id of ids) {
    const rows = await countRows(database.db, id);
    duplicates += Math.max(0, rows.analyses - 1) + (rows.segments > 5 ? rows.segments - 5 : 0);
  }
  return { analysed, lost: ids.length - analysed, duplicates, recovery };
}

type Fault = { name: string; run: () => Promise<{ ids: string[]; repairedAt: number; note?: string }> };

/** How the calls stood when the fault was repaired, e.g. "3 failed (media_tools_broken)". */
async function standing(ids: string[]): Promise<string> {
  const calls = await Promise.all(ids.map((id) => findCallById(database.db, id)));
  const counts = new Map<string, number>();
  for (const c of calls) {
    const key = c?.status === 'failed' ? `failed (${c.failureCode})` : (c?.status ?? 'missing');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
const faults: Fault[] = [
  ...(['exit-1', 'segfault'] as const).map((kind) => ({
    name: `ffmpeg ${kind === 'exit-1' ? 'exits 1' : 'crashes (SIGSEGV)'}`,
    run: async () => {
      await ffmpeg.breakWith(kind);
      const ids = await newCalls();
      await enqueueAll(ids);
      // Every attempt fails; the calls end `failed`, retryable (up to 30 s).
      for (let waited = 0; waited < 30_000; waited += 250) {
        const calls = await Promise.all(ids.map((id) => findCallById(database.db, id)));
        if (calls.every((c) => c?.status === 'failed')) break;
        await sleep(250);
      }
      const note = await standing(ids);
      await ffmpeg.restore();
      return { ids, repairedAt: Date.now(), note };
    },
  })),
  {
    name: 'PostgreSQL down 8 s (longer than all attempts)',
    run: async () => {
      const ids = await newCalls();
      await cluster.stop();
      await enqueueAll(ids);
      await sleep(8_000);
      await cluster.start();
      return { ids, repairedAt: Date.now() };
    },
  },
  {
    name: 'Redis killed with the jobs in it',
    run: async () => {
      const ids = await newCalls();
      await ffmpeg.breakWith('exit-1'); // hold the calls in the queue while Redis dies
      await enqueueAll(ids);
      killRedis();
      await sleep(3_000);
      await ffmpeg.restore();
      await startRedis();
      return { ids, repairedAt: Date.now() };
    },
  },
];

const results: Array<{ name: string; analysed: number; lost: number; duplicates: number; recovery: number }> =
  [];
try {
  for (const fault of faults) {
    const { ids, repairedAt, note } = await fault.run();
    const result = await outcome(ids, repairedAt);
    if (note) console.log(`  at repair: ${note}`);
    results.push({ name: fault.name, ...result });
    console.log(
      `${fault.name.padEnd(48)} analysed ${result.analysed}/${ids.length}  lost ${result.lost}  duplicates ${result.duplicates}  ` +
        `recovered in ${result.recovery.toFixed(1)} s`,
    );
  }
} finally {
  await worker.close().catch(() => {});
  await queue.close();
  killRedis();
  await database.close();
  await cluster.destroy();
  await ffmpeg.restore();
  await rm(dir, { recursive: true, force: true });
}

const survived = results.filter((r) => r.lost === 0 && r.duplicates === 0).length;
const lost = results.reduce((n, r) => n + r.lost, 0);
const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
console.log(
  `\nfaults survived: ${survived}/${results.length}   calls lost: ${lost}   duplicates: ${duplicates}`,
);
process.exit(survived === results.length ? 0 : 1);
