import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Database, NewCall } from './database.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';

/**
 * Test databases on the real PostgreSQL server: each test file gets a fresh database cloned from a
 * migrated template (CREATE DATABASE … TEMPLATE …), so files are isolated and setup is quick.
 * The template's name carries the migration list, so a new migration builds a new template.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE = `onterms_tpl_${hash(Object.keys(migrations).join(','))}`;
const LOCK_ID = 7_404_217;

export interface TestDatabase {
  db: Kysely<Database>;
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}). Tests need a real server: start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or point TEST_DATABASE_URL at one.',
    );
  });
  const name = `onterms_test_${randomBytes(6).toString('hex')}`;
  try {
    // Serialise template creation and cloning across parallel test files.
    await admin.query('select pg_advisory_lock($1)', [LOCK_ID]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
    if (exists.rowCount === 0) await buildTemplate(admin);
    await admin.query(`create database ${name} template ${TEMPLATE}`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    await admin.end();
  }
  const url = withDatabase(ADMIN_URL, name);
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // drop() force-closes connections that other parts of a test (a worker's own pool) may still hold.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

/**
 * The test database of the enclosing suite: cloned before its first test (and before the suite's own
 * `beforeAll` hooks registered after this call, so they can seed it), dropped after its last. Read
 * `.db` or `.url` inside a hook or test.
 */
export function useTestDatabase(): Readonly<Pick<TestDatabase, 'db' | 'url'>> {
  let created: TestDatabase | undefined;
  beforeAll(async () => {
    created = await createTestDatabase();
  });
  afterAll(() => created?.drop());
  const current = (): TestDatabase => {
    if (!created)
      throw new Error('useTestDatabase: the database is made in beforeAll; read it inside a hook or test');
    return created;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}

async function buildTemplate(admin: pg.Client): Promise<void> {
  const building = `${TEMPLATE}_building`;
  await admin.query(`drop database if exists ${building} with (force)`);
  await admin.query(`create database ${building}`);
  const db = new Kysely<any>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: withDatabase(ADMIN_URL, building), max: 1 }),
    }),
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  // Renamed only once complete, so a crashed build never leaves a half-migrated template behind.
  await admin.query(`alter database ${building} rename to ${TEMPLATE}`);
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export { sql };

/**
 * A call row for tests and benchmarks: every column a fresh upload would have, with the optional ones
 * empty. Pass what the test cares about; the rest is filled in.
 */
export function newCallRow(overrides: Partial<NewCall> & Pick<NewCall, 'rep_id' | 'uploaded_by'>): NewCall {
  const sha = randomBytes(16).toString('hex');
  return {
    call_type: 'credit_negotiation',
    recorded_at: '2026-11-01T10:00:00Z',
    language: 'ru',
    audio_key: `calls/${sha}/original.wav`,
    audio_sha256: sha,
    audio_bytes: 1000,
    audio_format: 'pcm_s16le',
    original_filename: 'call.wav',
    duration_sec: 10,
    channels: 1,
    sample_rate: 16000,
    client_id: null,
    rep_channel: null,
    speech_audio_key: null,
    review_audio_key: null,
    peaks_key: null,
    transcript_upload_key: null,
    transcript_source: null,
    stt_engine: null,
    stt_model: null,
    stt_audio_seconds: null,
    failure_reason: null,
    analyzed_at: null,
    ...overrides,
  };
}
