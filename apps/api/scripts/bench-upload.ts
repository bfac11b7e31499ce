// `npm run bench:upload [-- --sizes 10,100,1024] [--storage local,s3]`: upload throughput and the server's
// peak RSS growth for recordings of 10 MB, 100 MB and 1 GB over real HTTP, each beside a plain file copy of
// the same bytes in the same run. Targets: ≥ 50 % of copy speed; RSS growth < 100 MB at 1 GB. Prints;
// asserts nothing. Once with recordings on local disk, once on S3 (s3rver on loopback, in its own
// process, as the storage tests start it), and the S3/local ratio per size.
//
// The server is the real `apps/api/src/server.ts` in a child process (so its RSS is its own), on a fresh
// PostgreSQL database and Redis db 15 (jobs are queued, no worker runs, so the upload path is measured alone).
import { execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
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
const REDIS_URL = 'redis://127.0.0.1:6379/15';

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

async function benchStorage(storage: 'local' | 's3'): Promise<void> {
  const s3 = storage === 's3' ? await startS3TestServer('onterms-bench') : null;
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...s3?.env,
      DATABASE_URL: database.url,
      REDIS_URL,
      PORT: String(port),
      ONTERMS_DATA_DIR: path.join(work, `data-${storage}`),
      MAX_UPLOAD_BYTES: String(2 * 1024 ** 3),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(port);
    const cookie = await signIn(port);
    console.log(
      `\n${storage === 's3' ? 'S3 (s3rver on loopback)' : 'local disk'}: server pid ${server.pid}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('size      upload MB/s   copy MB/s   ratio   server RSS before → peak (growth)');
    for (const [i, mb] of SIZES_MB.entries()) {
      const file = await makeWav(mb);
      const bytes = (await stat(file)).size;

      const copyStart = performance.now();
      await copyWithFsync(file, path.join(work, 'copy.bin'));
      const copySec = (performance.now() - copyStart) / 1000;
      await rm(path.join(work, 'copy.bin'));

      const before = rssKb(server.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid!))), 20);
      const upStart = performance.now();
      const status = await upload(port, cookie, file);
      const upSec = (performance.now() - upStart) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, rssKb(server.pid!));
      if (status !== 202) throw new Error(`upload of ${mb} MB answered ${status}`);

      const upRate = bytes / 1e6 / upSec;
      const copyRate = bytes / 1e6 / copySec;
      rates.set(`${storage} ${i}`, upRate);
      console.log(
        `${`${mb} MB`.padEnd(9)} ${upRate.toFixed(0).padStart(11)} ${copyRate.toFixed(0).padStart(11)} ${(upRate / copyRate).toFixed(2).padStart(7)}` +
          `   ${(before / 1024).toFixed(0)} → ${(peak / 1024).toFixed(0)} MB (+${((peak - before) / 1024).toFixed(0)} MB)`,
      );
      await rm(file);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await s3?.stop();
  }
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

function upload(port: number, cookie: Record<string, string>, file: string): Promise<number> {
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
          res.on('end', () => resolve(res.statusCode ?? 0));
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
