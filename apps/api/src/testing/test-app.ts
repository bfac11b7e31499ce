/**
 * Test scaffolding: the real API plugin on a fresh database (real PostgreSQL), a blob store in a temp
 * dir, real ffmpeg, and the real in-process pipeline runner — everything but the network port.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SttConfig } from '@onterms/config';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { insertTeam, insertUser, type Role } from '@onterms/db';
import { createTestDatabase, type TestDatabase } from '@onterms/db/testing';
import { createMedia } from '@onterms/media';
import {
  createDefaultDeps,
  createPipeline,
  silentLogger,
  type Pipeline,
  type RetryPolicy,
} from '@onterms/pipeline';
import { createLocalBlobStore, type BlobStore } from '@onterms/storage';
import { app } from '../app.ts';
import { createAuthenticator, type Authenticator, type AuthOptions } from '../auth/authenticator.ts';
import { sessionHeaders } from '../auth/session-headers.ts';

/** A user a test made with `createUser`: ids, email and the headers that act as them. */
export type TestUser = Awaited<ReturnType<TestApp['createUser']>>;

export interface TestApp {
  sut: FastifyInstance;
  database: TestDatabase;
  store: BlobStore;
  pipeline: Pipeline;
  auth: Authenticator;
  /** Every route as registered (onRoute), for tests generated from the route table. */
  routes: { method: string; url: string; config: { public?: boolean; policy?: string } }[];
  dir: string;
  /** Creates a user (and a team when none is given) and returns request headers that act as them (session cookie + CSRF token). */
  createUser(
    role: Role,
    options?: { teamId?: string },
  ): Promise<{ id: string; teamId: string | null; email: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  maxUploadBytes?: number;
  /** Replace the queue (e.g. a BullMQ producer pointed at a dead Redis). */
  pipeline?: (deps: Parameters<typeof createPipeline>[0]['deps']) => Promise<Pipeline>;
  /** Override session lifetimes, rate limits, the clock or the password hasher. */
  auth?: Partial<AuthOptions>;
  /** Where recordings live (default: local disk under the test's temp dir). */
  store?: (dir: string) => BlobStore;
  /** A database of the test's own (e.g. on a cluster it stops); default: a fresh one on the shared server. */
  database?: TestDatabase;
  /** A speech-to-text engine for the pipeline (default: none, so calls need an uploaded transcript). */
  stt?: SttConfig;
  /** An ffmpeg binary of the test's own (e.g. one it breaks and restores). */
  ffmpegPath?: string;
  /** The in-process runner's retry policy and automatic-retry interval. */
  retry?: RetryPolicy;
  reconcileIntervalMs?: number;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const dir = await mkdtemp(path.join(tmpdir(), 'onterms-api-test-'));
  const store = options.store ? options.store(dir) : createLocalBlobStore({ root: path.join(dir, 'blobs') });
  const media = createMedia(options.ffmpegPath ? { ffmpegPath: options.ffmpegPath } : {});
  const deps = createDefaultDeps({
    db: database.db,
    store,
    media,
    log: silentLogger,
    timeZone: 'Europe/Moscow',
    ...(options.stt && { stt: options.stt }),
  });
  const pipeline = options.pipeline
    ? await options.pipeline(deps)
    : await createPipeline({
        redisUrl: null,
        concurrency: 1,
        deps,
        ...(options.retry && { retry: options.retry }),
        ...(options.reconcileIntervalMs && { reconcileIntervalMs: options.reconcileIntervalMs }),
      });
  const auth = createAuthenticator(database.db, {
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 12,
    cookieSecure: false,
    ...options.auth,
  });
  const sut = Fastify();
  const routes: TestApp['routes'] = [];
  sut.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({
        method,
        url: route.url,
        config: (route.config ?? {}) as TestApp['routes'][number]['config'],
      });
  });
  await sut.register(app, {
    config: {
      upload: { maxBytes: options.maxUploadBytes ?? 1024 ** 3 },
      ...(options.stt && { stt: options.stt }),
    },
    db: database.db,
    databaseEmbedded: false,
    store,
    media,
    queue: pipeline.queue,
    auth,
  });
  await sut.ready();

  return {
    sut,
    database,
    store,
    pipeline,
    auth,
    routes,
    dir,
    createUser: async (role, opts = {}) => {
      const teamId =
        opts.teamId ??
        (role === 'rep' || role === 'manager'
          ? (await insertTeam(database.db, `Team ${randomUUID()}`)).id
          : null);
      const user = await insertUser(database.db, {
        email: `${role}-${randomUUID()}@example.com`,
        name: role,
        role,
        teamId: role === 'rep' ? teamId : null,
      });
      if (role === 'manager' && teamId) {
        await database.db.insertInto('team_managers').values({ team_id: teamId, user_id: user.id }).execute();
      }
      // A real session: the cookie and the CSRF token the web UI would send.
      return { id: user.id, teamId, email: user.email, headers: await sessionHeaders(auth, user.id) };
    },
    close: async () => {
      await sut.close();
      await pipeline.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A suite's test app as useTestApp gives it: closing is the helper's, and no suite reads its route table. */
export type SuiteApp = Omit<TestApp, 'close' | 'routes'>;

/**
 * The test app of the enclosing suite: built before its first test (and before the suite's own
 * `beforeAll` hooks registered after this call, so they can add users and calls), closed after its
 * last (server, pipeline, database and temp dir). Read its fields inside a hook or test.
 */
export function useTestApp(options: TestAppOptions = {}): SuiteApp {
  let created: TestApp | undefined;
  beforeAll(async () => {
    created = await createTestApp(options);
  });
  afterAll(() => created?.close());
  const current = (): TestApp => {
    if (!created) throw new Error('useTestApp: the app is built in beforeAll; read it inside a hook or test');
    return created;
  };
  return {
    get sut() {
      return current().sut;
    },
    get database() {
      return current().database;
    },
    get store() {
      return current().store;
    },
    get pipeline() {
      return current().pipeline;
    },
    get auth() {
      return current().auth;
    },
    get dir() {
      return current().dir;
    },
    createUser: (role, opts) => current().createUser(role, opts),
  };
}
