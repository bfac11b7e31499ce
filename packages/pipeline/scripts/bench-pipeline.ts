/**
 * `npm run bench:pipeline [-- --calls N] [--concurrency C] [--rounds R] [--storage local,s3] [--cpu-prof DIR]`: calls per
 * minute through the transcript-import pipeline (probe → speech copy → review copy → peaks → parse
 * transcript → analyse → store) with 1 and then 2 worker PROCESSES (`apps/worker/src/main.ts`, exactly
 * what `npm run worker` runs) on the real PostgreSQL and Redis. Once with recordings on local disk,
 * once on S3 (s3rver on loopback in its own process, as the storage tests start it; the workers
 * download to scratch), and the S3/local ratio. Prints figures; asserts nothing.
 *
 * Data: ONE short recording (stored once; every call row points at that same blob — the pipeline
 * does not care that uploads would normally be distinct, and the upload dedup by sha256 is the API's
 * business, so each row just gets a distinct fake sha256) and a DISTINCT transcript per call.
 * A scratch database (cloned from the migrated template), a temp blob dir and Redis logical DB 11
 * are used and cleaned up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { NewCall } from '@onterms/db';
import { createTestDatabase, newCallRow } from '@onterms/db/testing';
import { createLocalBlobStore, createS3BlobStore, type BlobStore } from '@onterms/storage';
import { startS3TestServer } from '@onterms/storage/testing/s3-test-server';
import { BullmqCallQueue } from '../src/queue/bullmq-queue.ts';
import { deleteRedisPrefix, makeRecording, negotiationTranscript } from '../src/testing/fixtures.ts';
import { DEFAULT_PREFIX } from '../src/queue/redis.ts';
import { insertBenchRep } from './bench-support.ts';
import { backendCpuDelta, postgresBackendCpu, processCpuSeconds, redisServerUsage } from './bench-cpu.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const CALLS = flag('calls', 1000);
const CONCURRENCY = flag('concurrency', 1);
const ROUNDS = Math.max(1, flag('rounds', 2));
const storageArg = args.indexOf('--storage');
const STORAGES = (storageArg >= 0 ? args[storageArg + 1]! : 'local,s3').split(',') as ('local' | 's3')[];
/** `--cpu-prof DIR`: each worker writes a V8 CPU profile there when it exits (open in Chrome DevTools). */
const profileArg = args.indexOf('--cpu-prof');
const PROFILE_DIR = profileArg >= 0 ? args[profileArg + 1] : undefined;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379/11';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = join(ROOT, 'apps/worker/src/main.ts');

const database = await createTestDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'onterms-bench-'));
const workers: ChildProcess[] = [];
/** Where recordings live in one configuration: the store (for the bench's own writes) and the workers' environment. */
interface Storage {
  name: 'local' | 's3';
  store: BlobStore;
  env: Record<string, string>;
}
const LABEL = { local: 'local disk', s3: 'S3 (s3rver on loopback)' } as const;
/** Per-step milliseconds of every analysed call, from the workers' "call analysed" log lines, by `${storage} ${workers}`. */
let stepLog: Record<string, number>[] = [];
const stepsBy = new Map<string, Record<string, number>[]>();
const s3 = STORAGES.includes('s3') ? await startS3TestServer('onterms-bench') : null;

try {
  await deleteRedisPrefix(DEFAULT_PREFIX, REDIS_URL);
  const rep = await insertBenchRep(database.db);
  const recording = await makeRecording(dataDir, { seconds: 3 });
  const audioKey = 'bench/original.wav';
  const storages: Storage[] = STORAGES.map((name) =>
    name === 's3'
      ? {
          name,
          store: createS3BlobStore({ ...s3!.settings, scratchDir: join(dataDir, 'bench-scratch') }),
          env: s3!.env,
        }
      : { name, store: createLocalBlobStore({ root: join(dataDir, 'blobs') }), env: {} },
  );
  for (const storage of storages) await storage.store.put(audioKey, createReadStream(recording));
  console.log(
    `pipeline benchmark: ${CALLS} calls per configuration (3 s audio + uploaded JSON transcript), ` +
      `WORKER_CONCURRENCY=${CONCURRENCY}, ${ROUNDS} round(s), each running ${storages.map((s) => LABEL[s.name]).join(' and ')} ` +
      `with 1 and 2 workers in turn; load average before: ${load()}`,
  );
  // Every configuration in each round, in turn, so drifting background load on a shared machine hits all alike.
  const totals = new Map<string, { analyzed: number; other: number; seconds: number }>();
  /** CPU seconds per configuration (load-independent): workers + their ffmpeg children, PostgreSQL backends, Redis, the bench. */
  const cpuBy = new Map<string, CpuTotals>();
  for (let round = 0; round < ROUNDS; round++) {
    const perRound = Math.floor(CALLS / ROUNDS) + (round < CALLS % ROUNDS ? 1 : 0);
    for (const storage of storages) {
      for (const count of [1, 2]) {
        const config = `${storage.name} ${count}`;
        const ids = await insertCalls(storage.store, rep.id, audioKey, perRound);
        stepLog = stepsBy.get(config) ?? [];
        stepsBy.set(config, stepLog);
        const started = await Promise.all(Array.from({ length: count }, () => startWorker(storage.env)));
        const queue = new BullmqCallQueue({ redisUrl: REDIS_URL });
        const cpuBefore = await readCpu(started);
        const t0 = performance.now();
        await database.db
          .updateTable('calls')
          .set({ status: 'queued', failure_reason: null })
          .where('id', 'in', ids)
          .execute();
        for (let i = 0; i < ids.length; i += 200) {
          await Promise.all(ids.slice(i, i + 200).map((id) => queue.enqueueCall(id)));
        }
        const done = await waitUntilSettled(ids);
        const seconds = (performance.now() - t0) / 1000;
        const cpuAfter = await readCpu(started);
        await queue.close();
        await Promise.all(started.map(stopWorker));
        const total = totals.get(config) ?? { analyzed: 0, other: 0, seconds: 0 };
        totals.set(config, total);
        total.analyzed += done.analyzed;
        total.other += done.other;
        total.seconds += seconds;
        const cpu = cpuBy.get(config) ?? {
          workers: 0,
          ffmpeg: 0,
          postgres: 0,
          redis: 0,
          redisCommands: 0,
          bench: 0,
          s3server: 0,
        };
        cpuBy.set(config, cpu);
        cpu.workers += cpuAfter.workers - cpuBefore.workers;
        cpu.ffmpeg += cpuAfter.ffmpeg - cpuBefore.ffmpeg;
        cpu.postgres += backendCpuDelta(cpuBefore.postgres, cpuAfter.postgres);
        cpu.redis += cpuAfter.redis.cpuSeconds - cpuBefore.redis.cpuSeconds;
        cpu.redisCommands += cpuAfter.redis.commands - cpuBefore.redis.commands;
        cpu.bench += cpuAfter.bench - cpuBefore.bench;
        cpu.s3server += cpuAfter.s3server - cpuBefore.s3server;
        console.log(
          `  round ${round + 1}, ${LABEL[storage.name]}, ${count} worker(s): ${done.analyzed}/${perRound} analysed in ${seconds.toFixed(1)} s (load ${load()})`,
        );
      }
    }
  }
  const rate = (config: string) => (totals.get(config)!.analyzed / totals.get(config)!.seconds) * 60;
  for (const storage of storages) {
    console.log(`\n${LABEL[storage.name]}:`);
    for (const count of [1, 2]) {
      const t = totals.get(`${storage.name} ${count}`)!;
      const label = count === 1 ? '1 worker process' : `${count} worker processes`;
      console.log(
        `${label}: ${t.analyzed}/${CALLS} analysed (${t.other} failed/waiting) in ${t.seconds.toFixed(1)} s → ${rate(`${storage.name} ${count}`).toFixed(0)} calls/min`,
      );
    }
    printCpu(storage.name, (count) => totals.get(`${storage.name} ${count}`)!.analyzed, cpuBy);
    printSteps(storage.name);
    const ratio = rate(`${storage.name} 2`) / rate(`${storage.name} 1`);
    console.log(
      `2 workers / 1 worker: ${ratio.toFixed(2)}× (the second worker adds ${((ratio - 1) * 100).toFixed(0)} %)`,
    );
  }
  if (storages.length === 2) {
    console.log('\nS3 (s3rver on loopback) / local disk, calls per minute:');
    for (const count of [1, 2]) {
      console.log(`  ${count} worker(s): ${(rate(`s3 ${count}`) / rate(`local ${count}`)).toFixed(2)}×`);
    }
  }
  console.log(
    `load average after: ${load()} on ${cpus().length} cores (other work on the machine skews the figures)`,
  );
} finally {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await deleteRedisPrefix(DEFAULT_PREFIX, REDIS_URL).catch(() => {});
  await database.drop();
  await s3?.stop();
  await rm(dataDir, { recursive: true, force: true });
}

interface CpuTotals {
  /** The worker processes themselves (node: queue, database client, analysis, spawning ffmpeg). */
  workers: number;
  /** Their children: ffprobe and ffmpeg. */
  ffmpeg: number;
  postgres: number;
  redis: number;
  redisCommands: number;
  bench: number;
  /** The S3 server on loopback (s3rver, its own process): on a real deployment this CPU is elsewhere. */
  s3server: number;
}

/** CPU seconds so far: the workers with the children they waited for, this database's backends, Redis, this process. */
async function readCpu(started: ChildProcess[]) {
  const workerSeconds = await Promise.all(started.map((w) => processCpuSeconds(w.pid!)));
  const usage = process.cpuUsage();
  const s3server = s3 ? await processCpuSeconds(s3.pid) : null;
  return {
    workers: workerSeconds.reduce<number>((a, b) => a + (b?.own ?? 0), 0),
    ffmpeg: workerSeconds.reduce<number>((a, b) => a + (b?.children ?? 0), 0),
    postgres: await postgresBackendCpu(database.db, database.name),
    redis: await redisServerUsage(REDIS_URL),
    bench: (usage.user + usage.system) / 1e6,
    s3server: s3server?.own ?? 0,
  };
}

/**
 * CPU milliseconds per analysed call, by where they were spent — what a quiet machine would have to
 * supply per call, whatever the load was during the run. With 2 cores and all of it on them, calls per
 * minute cannot exceed 2 × 60 000 / (total ms per call).
 */
function printCpu(storage: string, analyzed: (count: number) => number, cpuBy: Map<string, CpuTotals>): void {
  const withServer = storage === 's3';
  console.log('\nper call, CPU ms (user + system, from /proc; load-independent):');
  console.log(
    `  ${'workers'.padEnd(9)} ${'worker'.padStart(7)} ${'ffmpeg'.padStart(7)} ${'postgres'.padStart(9)} ${'bench'.padStart(6)} ${'total'.padStart(6)}   ${'redis*'.padStart(6)} ${'redis cmds*'.padStart(11)}${withServer ? ` ${'s3rver†'.padStart(8)}` : ''}  ceiling on 2 cores`,
  );
  for (const count of [1, 2]) {
    const cpu = cpuBy.get(`${storage} ${count}`);
    const n = analyzed(count);
    if (!cpu || n === 0) continue;
    const per = (seconds: number) => (seconds / n) * 1000;
    const total = per(cpu.workers) + per(cpu.ffmpeg) + per(cpu.postgres) + per(cpu.bench);
    const server = withServer ? per(cpu.s3server) : 0;
    console.log(
      `  ${String(count).padEnd(9)} ${per(cpu.workers).toFixed(1).padStart(7)} ${per(cpu.ffmpeg).toFixed(1).padStart(7)} ${per(cpu.postgres).toFixed(1).padStart(9)} ${per(cpu.bench).toFixed(1).padStart(6)} ${total.toFixed(1).padStart(6)}   ${per(cpu.redis).toFixed(1).padStart(6)} ${(cpu.redisCommands / n).toFixed(0).padStart(11)}${withServer ? ` ${server.toFixed(1).padStart(8)}` : ''}  ${((2 * 60_000) / (total + per(cpu.redis) + server)).toFixed(0)} calls/min`,
    );
  }
  console.log(
    '  * the whole Redis server (every client on it, not only this bench); the ceiling counts it too.',
  );
  if (withServer) {
    console.log(
      '  † the S3 server on loopback, in its own process: on this box it takes cores the workers would use;\n' +
        '    a real deployment runs it elsewhere. The ceiling counts it too.',
    );
  }
}

/**
 * Where a call's time goes: the median milliseconds of each step per call with 1 and with 2 workers,
 * and how much slower each step gets when two workers share the machine.
 */
function printSteps(storage: string): void {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
  };
  const calls = (count: number) => stepsBy.get(`${storage} ${count}`) ?? [];
  const steps = [...new Set([1, 2].flatMap((count) => calls(count).flatMap((c) => Object.keys(c))))];
  const medians = (count: number) =>
    new Map(steps.map((step) => [step, median(calls(count).map((c) => c[step] ?? 0))]));
  const one = medians(1);
  const two = medians(2);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log('\nper call, median ms of each step (wall clock inside the worker):');
  console.log(
    `  ${'step'.padEnd(20)} ${'1 worker'.padStart(9)} ${'2 workers'.padStart(10)}   share(1)  slower with 2`,
  );
  for (const step of steps.sort((a, b) => one.get(b)! - one.get(a)!)) {
    const a = one.get(step)!;
    const b = two.get(step)!;
    console.log(
      `  ${step.padEnd(20)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(10)}   ${((a / total(one)) * 100).toFixed(0).padStart(6)} %  ${a > 0 ? `${(b / a).toFixed(2)}×` : '–'}`,
    );
  }
  console.log(
    `  ${'sum of medians'.padEnd(20)} ${total(one).toFixed(1).padStart(9)} ${total(two).toFixed(1).padStart(10)}`,
  );
}

/** Rows parked in `waiting` so a starting worker's reconciliation does not pick them up early. */
async function insertCalls(store: BlobStore, repId: string, audioKey: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 200) {
    const rows: NewCall[] = [];
    for (let i = start; i < Math.min(n, start + 200); i++) {
      const id = randomUUID();
      const transcriptKey = `calls/${id}/transcript.json`;
      await store.put(transcriptKey, Buffer.from(JSON.stringify(negotiationTranscript(i))));
      ids.push(id);
      rows.push(
        newCallRow({
          id,
          rep_id: repId,
          uploaded_by: repId,
          call_type: 'credit_negotiation',
          recorded_at: new Date(),
          language: 'ru',
          status: 'waiting',
          audio_key: audioKey,
          audio_sha256: randomUUID().replace(/-/g, ''),
          audio_bytes: 96_044,
          audio_format: 'pcm_s16le',
          original_filename: 'bench.wav',
          duration_sec: 3,
          channels: 1,
          sample_rate: 16000,
          transcript_upload_key: transcriptKey,
        }),
      );
    }
    await database.db.insertInto('calls').values(rows).execute();
  }
  return ids;
}

async function startWorker(storageEnv: Record<string, string>): Promise<ChildProcess> {
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL,
      ...storageEnv,
      ONTERMS_DATA_DIR: dataDir,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(child);
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('"worker ready"')) resolve();
      else if (line.includes('"call analysed"')) {
        const ms = (JSON.parse(line) as { ms?: Record<string, number> }).ms;
        if (ms) stepLog.push(ms);
      } else if (line.includes('"level":50') || line.includes('"level":60')) console.error(line);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function waitUntilSettled(ids: string[]): Promise<{ analyzed: number; other: number }> {
  for (;;) {
    const rows = await database.db
      .selectFrom('calls')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('id', 'in', ids)
      .groupBy('status')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const analyzed = by['analyzed'] ?? 0;
    const other = (by['failed'] ?? 0) + (by['waiting'] ?? 0);
    if (analyzed + other >= ids.length) return { analyzed, other };
    await new Promise((r) => setTimeout(r, 250));
  }
}
