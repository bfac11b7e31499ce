// `npm run bench:upload [-- --sizes 10,100,1024] [--storage local,s3]`: upload throughput and the server's
// peak RSS growth for recordings of 10 MB, 100 MB and 1 GB over real HTTP, each beside a plain file copy of
// the same bytes in the same run. Targets: ≥ 50 % of copy speed; RSS growth < 100 MB at 1 GB. Prints;
// asserts nothing. Once with recordings on local disk, once on S3 (s3rver on loopback, in its own
// process, as the storage tests start it), and the S3/local ratio per size.
//
// Each server first takes one 10 MB upload that is left out of the table: the first upload after a
// start pays for start-up work (schema compilation, first ffmpeg spawn, connections) and is printed
// on its own line as the cold figure. `--runs N` (default 3) repeats each size and prints medians.
// `--compare DIR`: DIR is another checkout of the repository (with its node_modules and built web app,
// e.g. main's before a change); its server runs beside this one on the same database, uploads
// alternate between the two, and each row is printed for both — before and after in one run.
// `--server-cpu-prof DIR` runs the servers under `node --cpu-prof`. Builds the web app if missing.
//
// The server is the real `apps/api/src/server.ts` in a child process (so its RSS is its own), on a fresh
// PostgreSQL database and Redis db 15 (jobs are queued, no worker runs, so the upload path is measured alone).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { Redis } from 'ioredis';
import { createTestDatabase } from '@onterms/db/testing';
import { createUser } from '@onterms/domain';
import { createPasswordHasher } from '@onterms/domain';
import { startS3TestServer } from '@onterms/storage/testing/s3-test-server';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const sizeArg = process.argv.indexOf('--sizes');
const SIZES_MB = (sizeArg > 0 ? process.argv[sizeArg + 1]! : '10,100,1024').split(',').map(Number);
const storageArg = process.argv.indexOf('--storage');
const STORAGES = (storageArg > 0 ? process.argv[storageArg + 1]! : 'local,s3').split(',') as (
  'local' | 's3'
)[];
const profArg = process.argv.indexOf('--server-cpu-prof');
/** `--server-cpu-prof DIR`: the server runs under `node --cpu-prof` and writes its profile to DIR on exit. */
const PROFILE_DIR = profArg > 0 ? path.resolve(process.argv[profArg + 1]!) : null;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const compareArg = process.argv.indexOf('--compare');
/** The servers measured side by side: `before` (--compare DIR) and this checkout. */
const SERVERS =
  compareArg > 0
    ? [
        { label: 'before', root: path.resolve(process.argv[compareArg + 1]!) },
        { label: 'after', root: ROOT },
      ]
    : [{ label: '', root: ROOT }];
const REDIS_URL = 'redis://127.0.0.1:6379/15';

for (const { root } of SERVERS) {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    console.log(`building the web app in ${root} (the server serves it)…`);
    await run('npm', ['run', 'build:web', '--silent'], { cwd: root });
  }
}

const work = await mkdtemp(path.join(tmpdir(), 'onterms-bench-upload-'));
const database = await createTestDatabase();
const password = 'bench-password-' + Math.random().toString(36).slice(2);
await createUser(database.db, createPasswordHasher(), {
  email: 'bench-rep@example.com',
  name: 'Bench',
  role: 'rep',
  password,
});
/** Upload MB/s per storage and entry of --sizes, for the S3/local comparison. */
const rates = new Map<string, number>();
try {
  for (const storage of STORAGES) await benchStorage(storage);
  if (STORAGES.length === 2) {
    console.log('\nS3 (s3rver on loopback) / local disk, upload speed:');
    for (const [i, mb] of SIZES_MB.entries()) {
      const ratio = rates.get(`s3 ${i}`)! / rates.get(`local ${i}`)!;
      console.log(`  ${`${mb} MB`.padEnd(9)} ${ratio.toFixed(2)}×`);
    }
  }
  console.log(
    `\ntargets: ratio ≥ 0.50; RSS growth < 100 MB at 1 GB. load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  await redis.quit();
  await database.drop();
  await rm(work, { recursive: true, force: true });
}

interface RunningServer {
  label: string;
  process: ChildProcess;
  port: number;
  cookie: Record<string, string>;
}

async function benchStorage(storage: 'local' | 's3'): Promise<void> {
  const s3 = storage === 's3' ? await startS3TestServer('onterms-bench') : null;
  const servers: RunningServer[] = [];
  try {
    for (const { label, root } of SERVERS) {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [
          ...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-interval', '250'] : []),
          '--import',
          'tsx',
          'apps/api/src/server.ts',
        ],
        {
          cwd: root,
          env: {
            ...process.env,
            ...s3?.env,
            DATABASE_URL: database.url,
            REDIS_URL,
            PORT: String(port),
            ONTERMS_DATA_DIR: path.join(work, `data-${storage}-${label || 'server'}`),
            MAX_UPLOAD_BYTES: String(2 * 1024 ** 3),
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      servers.push({ label, process: child, port, cookie: {} });
      await waitForHealth(port);
      servers.at(-1)!.cookie = await signIn(port);
    }
    console.log(
      `\n${storage === 's3' ? 'S3 (s3rver on loopback)' : 'local disk'}: server pid ${servers.map((s) => `${s.process.pid}${s.label ? ` (${s.label})` : ''}`).join(', ')}, ` +
        `${RUNS} run(s) per size, medians; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    // Warm-up: the first upload after start-up, timed but left out of the table below.
    for (const server of servers) {
      const warmFile = await makeWav(10); // new noise each time: the same bytes would be a duplicate
      const { seconds } = await timedUpload(server, warmFile, 10);
      console.log(
        `cold first upload after start${server.label ? ` (${server.label})` : ''}: 10 MB in ${(seconds * 1000).toFixed(0)} ms ` +
          `(${((await stat(warmFile)).size / 1e6 / seconds).toFixed(0)} MB/s) — warm-up, not in the table`,
      );
      await rm(warmFile);
    }

    console.log(
      `size      ${SERVERS.length > 1 ? 'server  ' : ''}upload MB/s   (ms)   copy MB/s   ratio (min–max)     server RSS before → peak (growth)`,
    );
    for (const [i, mb] of SIZES_MB.entries()) {
      const rows = servers.map(() => ({
        up: [] as number[],
        copy: [] as number[],
        seconds: [] as number[],
        steps: new Map<string, number[]>(),
        rss: '',
      }));
      const maxGrowth = servers.map(() => -Infinity);
      for (let r = 0; r < RUNS; r++) {
        // Alternate which server goes first, so neither always follows the copy.
        const order = servers.map((_, k) => k);
        if (r % 2 === 1) order.reverse();
        for (const k of order) {
          const file = await makeWav(mb);
          const bytes = (await stat(file)).size;
          const copyStart = performance.now();
          await copyWithFsync(file, path.join(work, 'copy.bin'));
          const copySec = (performance.now() - copyStart) / 1000;
          await rm(path.join(work, 'copy.bin'));
          const { seconds, before, peak, steps } = await timedUpload(servers[k]!, file, mb);
          await rm(file);
          const row = rows[k]!;
          row.up.push(bytes / 1e6 / seconds);
          row.copy.push(bytes / 1e6 / copySec);
          row.seconds.push(seconds);
          for (const [step, ms] of steps) row.steps.set(step, [...(row.steps.get(step) ?? []), ms]);
          if (peak - before > maxGrowth[k]!) {
            maxGrowth[k] = peak - before;
            row.rss = `${(before / 1024).toFixed(0)} → ${(peak / 1024).toFixed(0)} MB (+${((peak - before) / 1024).toFixed(0)} MB)`;
          }
        }
      }
      // One copy figure per size, the median of every run's copy: with the disk swinging between runs
      // (×2–3 here), a ratio to each server's own copies would compare the copies, not the servers.
      const copy = median(rows.flatMap((row) => row.copy));
      for (const [k, server] of servers.entries()) {
        const row = rows[k]!;
        if (server.label === SERVERS.at(-1)!.label) rates.set(`${storage} ${i}`, median(row.up));
        const ratios = row.up.map((up) => up / copy);
        const spread = `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
        const ms = median(row.seconds) * 1000;
        console.log(
          `${`${mb} MB`.padEnd(9)} ${SERVERS.length > 1 ? server.label.padEnd(7) : ''}${median(row.up).toFixed(0).padStart(12)} ${ms.toFixed(0).padStart(9)} ${copy.toFixed(0).padStart(11)} ` +
            `${(median(row.up) / copy).toFixed(2).padStart(7)} ${spread.padEnd(13)}   ${row.rss}`,
        );
        // Where the upload's time went, as the server measured it (its Server-Timing answer).
        console.log(
          `          steps, ms (medians; probe and lookups run beside each other, store beside insert): ${[
            ...row.steps,
          ]
            .map(([step, ms]) => `${step} ${median(ms).toFixed(1)}`)
            .join(', ')}`,
        );
      }
    }
  } finally {
    for (const server of servers) {
      server.process.kill('SIGTERM');
      await new Promise((resolve) => server.process.once('exit', resolve));
    }
    await s3?.stop();
  }
}

/** One upload to `server`, with its wall time and the server's RSS before and at its peak (KiB). */
async function timedUpload(
  server: RunningServer,
  file: string,
  mb: number,
): Promise<{ seconds: number; before: number; peak: number; steps: Map<string, number> }> {
  const pid = server.process.pid!;
  const before = rssKb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  const start = performance.now();
  const { status, timing } = await upload(server.port, server.cookie, file);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(pid));
  if (status !== 202) throw new Error(`upload of ${mb} MB answered ${status}`);
  // "auth;dur=1.2, body;dur=80.3, …"
  const steps = new Map(
    timing
      .split(',')
      .map((entry) => /^\s*([\w-]+);dur=([\d.]+)/.exec(entry))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, Number(m[2])] as const),
  );
  return { seconds, before, peak, steps };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A valid WAV (48 kHz stereo noise) of about `mb` megabytes, so ffprobe and the decode check accept it. */
async function makeWav(mb: number): Promise<string> {
  const file = path.join(work, `bench-${mb}mb.wav`);
  const seconds = (mb * 1024 * 1024) / (48_000 * 2 * 2);
  await run(ffmpeg.path, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=d=${seconds.toFixed(2)}:c=pink:r=48000:a=0.1`,
    '-ac',
    '2',
    '-c:a',
    'pcm_s16le',
    file,
  ]);
  return file;
}

async function copyWithFsync(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(to));
  const handle = await open(to, 'r');
  await handle.sync();
  await handle.close();
}

function upload(
  port: number,
  cookie: Record<string, string>,
  file: string,
): Promise<{ status: number; timing: string }> {
  const boundary = '----onterms-bench';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="clientName"\r\n\r\nBench\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${path.basename(file)}"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    stat(file).then(({ size }) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/calls',
          headers: {
            ...cookie,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + size + tail.length,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, timing: String(res.headers['server-timing'] ?? '') }),
          );
        },
      );
      req.on('error', reject);
      req.write(head);
      const body = createReadStream(file, { highWaterMark: 1024 * 1024 });
      body.pipe(req, { end: false });
      body.on('end', () => req.end(tail));
    }, reject);
  });
}

async function signIn(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-rep@example.com', password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': csrfToken,
  };
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
