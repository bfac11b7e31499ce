/**
 * `npm run bench:pipeline [-- --calls N] [--concurrency C] [--rounds R]`: calls per minute through the
 * transcript-import pipeline (probe → speech copy → review copy → peaks → parse transcript → analyse →
 * store) with 1 and then 2 worker PROCESSES (`apps/worker/src/main.ts`, exactly what `npm run worker`
 * runs) on the real PostgreSQL and Redis. Prints figures; asserts nothing.
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
import { insertTeam, insertUser, type NewCall } from '@onterms/db';
import { createTestDatabase, newCallRow } from '@onterms/db/testing';
import { createLocalBlobStore } from '@onterms/storage';
import { BullmqCallQueue } from '../src/queue/bullmq-queue.ts';
import { deleteRedisPrefix, makeRecording, negotiationTranscript } from '../src/testing/fixtures.ts';
import { DEFAULT_PREFIX } from '../src/queue/redis.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const CALLS = flag('calls', 1000);
const CONCURRENCY = flag('concurrency', 1);
const ROUNDS = Math.max(1, flag('rounds', 2));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379/11';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = join(ROOT, 'apps/worker/src/main.ts');

const database = await createTestDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'onterms-bench-'));
const store = createLocalBlobStore({ root: join(dataDir, 'blobs') });
const workers: ChildProcess[] = [];
/** Per-step milliseconds of every analysed call, from the workers' "call analysed" log lines. */
let stepLog: Record<string, number>[] = [];
const stepsBy = new Map<number, Record<string, number>[]>([
  [1, []],
  [2, []],
]);

try {
  await deleteRedisPrefix(DEFAULT_PREFIX, REDIS_URL);
  const team = await insertTeam(database.db, 'Bench');
  const rep = await insertUser(database.db, {
    email: 'bench@example.com',
    name: 'Bench',
    role: 'rep',
    teamId: team.id,
  });
  const recording = await makeRecording(dataDir, { seconds: 3 });
  const audioKey = 'bench/original.wav';
  await store.put(audioKey, createReadStream(recording));

  console.log(
    `pipeline benchmark: ${CALLS} calls per configuration (3 s audio + uploaded JSON transcript), ` +
      `WORKER_CONCURRENCY=${CONCURRENCY}, ${ROUNDS} alternating round(s); load average before: ${load()}`,
  );
  // Alternating 1-worker and 2-worker rounds, so drifting background load on a shared machine hits both alike.
  const totals = new Map([1, 2].map((count) => [count, { analyzed: 0, other: 0, seconds: 0 }]));
  for (let round = 0; round < ROUNDS; round++) {
    const perRound = Math.floor(CALLS / ROUNDS) + (round < CALLS % ROUNDS ? 1 : 0);
    for (const count of [1, 2]) {
      const ids = await insertCalls(rep.id, audioKey, perRound);
      stepLog = stepsBy.get(count)!;
      const started = await Promise.all(Array.from({ length: count }, () => startWorker()));
      const queue = new BullmqCallQueue({ redisUrl: REDIS_URL });
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
      await queue.close();
      await Promise.all(started.map(stopWorker));
      const total = totals.get(count)!;
      total.analyzed += done.analyzed;
      total.other += done.other;
      total.seconds += seconds;
      console.log(
        `  round ${round + 1}, ${count} worker(s): ${done.analyzed}/${perRound} analysed in ${seconds.toFixed(1)} s`,
      );
    }
  }
  const rate = (count: number) => (totals.get(count)!.analyzed / totals.get(count)!.seconds) * 60;
  for (const count of [1, 2]) {
    const t = totals.get(count)!;
    const label = count === 1 ? '1 worker process' : `${count} worker processes`;
    console.log(
      `${label}: ${t.analyzed}/${CALLS} analysed (${t.other} failed/waiting) in ${t.seconds.toFixed(1)} s → ${rate(count).toFixed(0)} calls/min`,
    );
  }
  printSteps();
  const ratio = rate(2) / rate(1);
  console.log(
    `2 workers / 1 worker: ${ratio.toFixed(2)}× (the second worker adds ${((ratio - 1) * 100).toFixed(0)} %)`,
  );
  console.log(
    `load average after: ${load()} on ${cpus().length} cores (other work on the machine skews the figures)`,
  );
} finally {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await deleteRedisPrefix(DEFAULT_PREFIX, REDIS_URL).catch(() => {});
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * Where a call's time goes: the median milliseconds of each step per call with 1 and with 2 workers,
 * and how much slower each step gets when two workers share the machine.
 */
function printSteps(): void {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
  };
  const steps = [...new Set([...stepsBy.values()].flatMap((calls) => calls.flatMap((c) => Object.keys(c))))];
  const medians = (count: number) =>
    new Map(steps.map((step) => [step, median(stepsBy.get(count)!.map((c) => c[step] ?? 0))]));
  const one = medians(1);
  const two = medians(2);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log('\nper call, median ms of each step (wall clock inside the worker):');
  console.log(
    `  ${'step'.padEnd(16)} ${'1 worker'.padStart(9)} ${'2 workers'.padStart(10)}   share(1)  slower with 2`,
  );
  for (const step of steps.sort((a, b) => one.get(b)! - one.get(a)!)) {
    const a = one.get(step)!;
    const b = two.get(step)!;
    console.log(
      `  ${step.padEnd(16)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(10)}   ${((a / total(one)) * 100).toFixed(0).padStart(6)} %  ${a > 0 ? `${(b / a).toFixed(2)}×` : '–'}`,
    );
  }
  console.log(
    `  ${'sum of medians'.padEnd(16)} ${total(one).toFixed(1).padStart(9)} ${total(two).toFixed(1).padStart(10)}`,
  );
}

/** Rows parked in `waiting` so a starting worker's reconciliation does not pick them up early. */
async function insertCalls(repId: string, audioKey: string, n: number): Promise<string[]> {
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

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL,
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
