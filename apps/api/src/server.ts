// The process entry of `npm start`: parses the configuration, opens the database (embedded PGlite
// unless DATABASE_URL is set) and migrates it, starts the job pipeline (in-process unless REDIS_URL
// is set), and serves the API and the web UI on one port until SIGINT/SIGTERM.
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import { loadConfigOrReport, type Config } from '@onterms/config';
import { isBlobReferenced, migrateToLatest, openDatabase, requeueWaitingCalls } from '@onterms/db';
import { createMedia } from '@onterms/media';
import { createDefaultDeps, createPipeline } from '@onterms/pipeline';
import { createBlobStore } from '@onterms/storage';
import { app } from './app.ts';
import { createDemoUsers, ensureInitialAdmin } from '@onterms/domain';
import { createAuthenticator } from './auth/authenticator.ts';
import { loadDemoCalls } from './demo/load-demo-calls.ts';
import { loadDemoReceivables } from './demo/load-demo-receivables.ts';
import { loadDemoStory } from './demo/load-demo-story.ts';
import { createAuditLog } from './auth/audit.ts';
import {
  DEMO_PASSWORDS_FILE,
  demoCredentialsTable,
  readDemoPasswords,
  writeDemoPasswords,
} from './demo/demo-passwords.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { WEB_DIST, webUi } from './web/web-ui.ts';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

const config = readConfigOrExit();
const demo = process.argv.includes('--demo');

const fastify = Fastify({
  logger: { level: config.logLevel },
  trustProxy: config.auth.trustProxy,
  // Uploads stream through multipart; JSON bodies stay small.
  bodyLimit: 1024 * 1024,
});
const log = fastify.log;

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onIdleError: (err) => log.warn({ err }, 'database: an idle connection was lost'),
});
try {
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ applied }, 'database migrated');
} catch (error) {
  log.fatal({ err: error }, (error as Error).message);
  await database.close();
  process.exit(1);
}

const store = createBlobStore(config.storage, config.dataDir);
const media = createMedia({
  ...(config.media.ffmpegPath && { ffmpegPath: config.media.ffmpegPath }),
  ...(config.media.ffprobePath && { ffprobePath: config.media.ffprobePath }),
});
const pipeline = await createPipeline({
  redisUrl: config.redisUrl,
  concurrency: config.worker.concurrency,
  reconcileIntervalMs: config.worker.reconcileIntervalMs,
  deps: createDefaultDeps({
    db: database.db,
    store,
    media,
    log,
    timeZone: config.company.timeZone,
    stt: config.stt,
    analysisLlm: config.analysisLlm,
  }),
});
const auth = createAuthenticator(database.db, config.auth);

// Calls that waited for a speech-to-text engine get one as soon as an engine is configured.
if (config.stt.engine) {
  const waiting = await requeueWaitingCalls(database.db);
  for (const id of waiting) await pipeline.queue.enqueueCall(id);
  if (waiting.length) log.info(`${waiting.length} waiting call(s) queued for ${config.stt.engine}`);
}

const admin = await ensureInitialAdmin(database.db, config.auth, auth.passwords);
if (admin.outcome === 'created') log.info(`Created the first admin ${admin.email}`);

// CSP, frame-ancestors/X-Frame-Options, Referrer-Policy, X-Content-Type-Options on every answer,
// the API's and the web UI's alike (registered at the root, before both).
await registerSecurityHeaders(fastify);
await fastify.register(app, {
  config,
  db: database.db,
  databaseEmbedded: database.embedded,
  store,
  media,
  queue: pipeline.queue,
  auth,
});
await fastify.register(webUi, { root: WEB_DIST });

if (demo) {
  const people = await createDemoUsers(database.db, auth.passwords, await readDemoPasswords(config.dataDir));
  await writeDemoPasswords(config.dataDir, people);
  const started = performance.now();
  const repEmail = (name: string) => people.find((p) => p.email.startsWith(`${name}@`))!.email;
  const receivables = await loadDemoReceivables(
    database.db,
    { ru: repEmail('rep'), en: repEmail('rep6') },
    config.company.timeZone,
  );
  const calls = await loadDemoCalls(
    { db: database.db, store, media, queue: pipeline.queue },
    repEmail('rep'),
  );
  const story = await loadDemoStory(
    {
      // rules only, no speech-to-text: every demo call brings its transcript
      pipeline: createDefaultDeps({ db: database.db, store, media, log, timeZone: config.company.timeZone }),
      store,
      audit: createAuditLog(database.db),
    },
    { timeZone: config.company.timeZone },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nDemo: ${story.created + calls.created} sample calls loaded over ${story.weeks} weeks ` +
      `(${story.existing + calls.existing} already there; ${story.failed} failed on purpose), ` +
      `${receivables.imported} invoices, in ${seconds} s. Sign in as:\n`,
  );
  console.log(demoCredentialsTable(people));
  console.log(
    `\nThe passwords stay the same on every demo start (kept in ${path.join(config.dataDir, DEMO_PASSWORDS_FILE)}).\n`,
  );
} else if (admin.outcome === 'no_users_and_no_admin_configured') {
  console.log(
    '\nNo users yet. Create the first admin with\n  npx onterms user create --email you@example.com --role admin\n' +
      '(stop the server first in the embedded mode), or set ONTERMS_ADMIN_EMAIL and ONTERMS_ADMIN_PASSWORD; ' +
      'or try `npm start -- --demo`.\n',
  );
}

// Files no call references (an upload that crashed between commit and insert) are removed after a day.
const sweep = async () => {
  try {
    const result = await store.sweep({
      isReferenced: (key) => isBlobReferenced(database.db, key),
      olderThanMs: SWEEP_GRACE_MS,
    });
    if (result.tempFilesRemoved || result.unreferencedBlobsRemoved) log.info(result, 'storage sweep');
  } catch (error) {
    log.error({ err: error }, 'storage sweep failed');
  }
};
const sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
sweepTimer.unref();
void sweep();

await fastify.listen({ port: config.http.port, host: config.http.host });
log.info(
  `OnTerms on http://${config.http.host}:${config.http.port} — database: ${database.embedded ? `embedded in ${config.dataDir}` : 'PostgreSQL'}, ` +
    `jobs: ${pipeline.mode === 'bullmq' ? 'BullMQ (run `npm run worker`)' : 'in-process'}`,
);

closeWithGrace({ delay: 30_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'shutting down after an error');
  else log.info(`${signal}: shutting down`);
  clearInterval(sweepTimer);
  await fastify.close();
  await pipeline.close();
  await database.close();
});

function readConfigOrExit(): Config {
  return loadConfigOrReport(process.env, console.error) ?? process.exit(1);
}
