/**
 * Test-only entry point: a BullMQ worker process on a test database, store and queue prefix, so tests
 * can SIGKILL or SIGTERM a real worker mid-job. Configured by environment (this is an entry point):
 *   DATABASE_URL, REDIS_URL, PIPELINE_PREFIX, BLOB_ROOT  where to work
 *   LOCK_DURATION_MS, STALLED_INTERVAL_MS               short, so a killed worker's job is reclaimed fast
 *   SLOW_ANALYSE_MS                                     test knob: the analyse step sleeps this long first
 * Prints one JSON line per event on stdout: ready, analyse-started {callId}, stopped.
 */
import { openDatabase } from '@onterms/db';
import { createMedia } from '@onterms/media';
import { createLocalBlobStore } from '@onterms/storage';
import { createDefaultDeps } from '../default-deps.ts';
import { silentLogger, type Logger } from '../deps.ts';
import { startCallWorker } from '../queue/bullmq-worker.ts';
import { FAST_RETRY } from './fixtures.ts';

const env = process.env;
const stderrLogger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (fields: object, message?: string) =>
      process.stderr.write(`[child ${process.pid}] ${level} ${message ?? ''} ${JSON.stringify(fields)}\n`),
  ]),
) as unknown as Logger;
const emit = (event: string, fields: object = {}) =>
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);

const database = await openDatabase({
  databaseUrl: env['DATABASE_URL']!,
  dataDir: '/nonexistent',
  poolSize: 4,
});
const base = createDefaultDeps({
  db: database.db,
  store: createLocalBlobStore({ root: env['BLOB_ROOT']! }),
  media: createMedia(),
  // CHILD_LOG=1: log to stderr (debugging a test).
  log: env['CHILD_LOG'] ? stderrLogger : silentLogger,
  timeZone: 'Europe/Moscow',
});
const slowMs = Number(env['SLOW_ANALYSE_MS'] ?? 0);
const worker = await startCallWorker({
  redisUrl: env['REDIS_URL']!,
  databaseUrl: env['DATABASE_URL']!,
  prefix: env['PIPELINE_PREFIX']!,
  concurrency: 1,
  retry: FAST_RETRY,
  lockDurationMs: Number(env['LOCK_DURATION_MS'] ?? 2000),
  stalledIntervalMs: Number(env['STALLED_INTERVAL_MS'] ?? 1000),
  reconcileIntervalMs: null,
  deps: {
    ...base,
    analyze: async (transcript, callType, ...checklist) => {
      emit('analyse-started', { segments: transcript.segments.length });
      if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
      return base.analyze(transcript, callType, ...checklist);
    },
  },
});
emit('ready', { pid: process.pid });

process.once('SIGTERM', () => {
  void (async () => {
    await worker.close();
    await database.close();
    emit('stopped');
    process.exit(0);
  })();
});
