/**
 * `npm run worker`: one BullMQ worker process. Needs REDIS_URL and DATABASE_URL — without Redis there is
 * no queue to consume: the embedded mode runs its in-process runner inside `npm start` instead.
 * Run as many of these as you like against the same Redis, PostgreSQL and blob storage.
 */
import { loadConfigOrReport } from '@onterms/config';
import { openDatabase } from '@onterms/db';
import { createMedia } from '@onterms/media';
import { createDefaultDeps, startCallWorker } from '@onterms/pipeline';
import { createBlobStore } from '@onterms/storage';
import pino from 'pino';
import { waitForSchema } from './schema-check.ts';

async function main(): Promise<number> {
  const config = loadConfigOrReport(process.env, console.error);
  if (!config) return 2;
  const missing = [!config.redisUrl && 'REDIS_URL', !config.databaseUrl && 'DATABASE_URL'].filter(Boolean);
  if (!config.redisUrl || !config.databaseUrl) {
    console.error(
      `npm run worker needs ${missing.join(' and ')}: the worker consumes the Redis job queue and shares PostgreSQL with the API.\n` +
        'Without Redis, calls are processed inside the API process (`npm start`) by its in-process runner; no worker is needed.',
    );
    return 2;
  }

  const log = pino({ name: 'worker', level: config.logLevel });
  const concurrency = config.worker.concurrency;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: concurrency * 2 + 2,
  });
  try {
    await waitForSchema(database.db, { timeoutMs: 120_000, log });
  } catch (error) {
    log.fatal({ err: error }, (error as Error).message);
    await database.close();
    return 1;
  }

  const deps = createDefaultDeps({
    db: database.db,
    store: createBlobStore(config.storage, config.dataDir),
    media: createMedia({
      ...(config.media.ffmpegPath && { ffmpegPath: config.media.ffmpegPath }),
      ...(config.media.ffprobePath && { ffprobePath: config.media.ffprobePath }),
    }),
    log,
    timeZone: config.company.timeZone,
    stt: config.stt,
    analysisLlm: config.analysisLlm,
  });
  const worker = await startCallWorker({
    redisUrl: config.redisUrl,
    databaseUrl: config.databaseUrl,
    concurrency,
    deps,
    reconcileIntervalMs: config.worker.reconcileIntervalMs,
  });
  log.info({ concurrency, pid: process.pid }, 'worker ready');

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(
          { signal },
          'second signal: exiting without waiting (running calls resume on another worker)',
        );
        resolve(1);
        return;
      }
      stopping = true;
      log.info({ signal }, 'draining: no new jobs; waiting for running calls to finish');
      void (async () => {
        try {
          await worker.close();
          await database.close();
          log.info('worker stopped');
          resolve(0);
        } catch (error) {
          log.error({ err: error }, 'error while stopping');
          resolve(1);
        }
      })();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
