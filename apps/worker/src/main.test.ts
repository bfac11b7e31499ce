import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { useTestDatabase } from '@onterms/db/testing';
import { silentLogger } from '@onterms/pipeline';
import { deleteRedisPrefix } from '@onterms/pipeline/testing/fixtures';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaBehindError, waitForSchema } from './schema-check.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
// A Redis logical database of its own: the real entry point uses the default key prefix.
const REDIS_URL = 'redis://127.0.0.1:6379/12';

const database = useTestDatabase();
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'onterms-worker-test-'));
});
afterAll(async () => {
  await deleteRedisPrefix('onterms', REDIS_URL);
  await rm(dataDir, { recursive: true, force: true });
});

/** The real `npm run worker` entry, as one process (signals reach it directly). */
function runMain(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['REDIS_URL', 'DATABASE_URL', 'ONTERMS_DATA_DIR'].includes(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO,
    env: { ...clean, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited, stderr: () => stderr };
}

describe('npm run worker', () => {
  it('refuses to start without Redis and PostgreSQL, explaining the embedded mode', async () => {
    const run = runMain({ ONTERMS_DATA_DIR: dataDir });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/needs REDIS_URL and DATABASE_URL/);
    expect(run.stderr()).toMatch(/npm start/);
  });

  it('starts on a migrated database and drains to exit 0 on SIGTERM', async () => {
    const run = runMain({ REDIS_URL, DATABASE_URL: database.url, ONTERMS_DATA_DIR: dataDir });
    const deadline = Date.now() + 30_000;
    while (!run.lines.some((l) => l.includes('"worker ready"'))) {
      if (run.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`worker did not start: ${run.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.lines.some((l) => l.includes('"worker stopped"'))).toBe(true);
  });
});

describe('schema check', () => {
  it('passes when every migration this build knows is applied', async () => {
    await expect(waitForSchema(database.db, { timeoutMs: 0, log: silentLogger })).resolves.toBeUndefined();
  });

  it('fails clearly, naming what is missing, when the schema stays behind', async () => {
    const { migrations } = await import('@onterms/db/migrations');
    const ahead = { ...migrations, '2099-01-01T0000-from-the-future': { up: async () => {} } };
    const check = waitForSchema(database.db, {
      timeoutMs: 300,
      pollMs: 50,
      log: silentLogger,
      migrations: ahead,
    });
    await expect(check).rejects.toBeInstanceOf(SchemaBehindError);
    await expect(check).rejects.toThrow(/2099-01-01T0000-from-the-future.*npm run migrate/);
    // Nothing was applied by the check itself.
    const rows = await sql<{
      n: string;
    }>`select count(*) as n from kysely_migration where name like '2099%'`.execute(database.db);
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });
});
