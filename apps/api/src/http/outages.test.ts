/**
 * Outages of what the API depends on answer 503/507 with Retry-After, the client is never left
 * hanging, and nothing is stored: a PostgreSQL outage (a cluster of this test's own, stopped for real)
 * and a full disk (a 1 MiB tmpfs).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { insertUser, type Database } from '@onterms/db';
import { startOwnPostgres, type OwnPostgres } from '@onterms/db/own-postgres';
import { createLocalBlobStore } from '@onterms/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionHeaders } from '../auth/session-headers.ts';
import { multipart, postUpload } from '../testing/multipart.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const DEMO = path.resolve(import.meta.dirname, '../../demo-data');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe('PostgreSQL down', () => {
  it('an upload answers 503 database_unavailable with Retry-After, and stores nothing', async () => {
    const cluster: OwnPostgres = await startOwnPostgres();
    cleanups.push(() => cluster.destroy());
    const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const t: TestApp = await createTestApp({
      database: { db, url: cluster.url, name: 'postgres', drop: () => db.destroy() },
    });
    cleanups.push(() => t.close());
    const rep = await insertUser(db, { email: 'rep@example.com', name: 'Павел', role: 'rep', teamId: null });
    const headers = await sessionHeaders(t.auth, rep.id);

    await cluster.stop();
    const res = await postUpload(t.sut, headers, {}, [
      {
        name: 'audio',
        filename: 'call.ogg',
        content: await readFile(path.join(DEMO, 'northwind-net30.ogg')),
      },
    ]);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.json()).toEqual({
      error: 'database_unavailable',
      message: expect.stringMatching(/nothing was stored/),
    });

    await cluster.start();
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([]);
    expect(await readdir(path.join(t.dir, 'blobs'), { recursive: true }).catch(() => [])).toEqual([]);
  }, 120_000);
});

function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('disk full', async () => {
  const disk = await mkdtemp(path.join(tmpdir(), 'onterms-full-disk-'));
  const mounted = process.getuid?.() === 0 && mountTmpfs(disk);
  cleanups.push(async () => {
    if (mounted) execFileSync('umount', [disk]);
    await rm(disk, { recursive: true, force: true });
  });

  it.skipIf(!mounted)(
    'an upload answers 507 storage_full with Retry-After before the client has sent it all, and leaves no file',
    async () => {
      const t = await createTestApp({ store: () => createLocalBlobStore({ root: disk }) });
      cleanups.push(() => t.close());
      const rep = await t.createUser('rep');
      // Leave 100 KiB free, then send 4 MiB.
      await writeFile(path.join(disk, 'filler'), Buffer.alloc(1024 * 1024 - 100 * 1024));
      await t.sut.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.sut.server.address() as { port: number };
      const form = multipart({}, [
        { name: 'audio', filename: 'big.ogg', content: randomBytes(4 * 1024 * 1024) },
      ]);

      const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/calls',
              headers: { ...form.headers, ...rep.headers },
            },
            (res) => {
              let body = '';
              res.on('data', (d) => (body += d));
              res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
            },
          );
          req.on('error', reject);
          setTimeout(() => reject(new Error('the client was left hanging')), 15_000).unref();
          req.end(form.body);
        },
      );
      expect(answer.status).toBe(507);
      expect(answer.headers['retry-after']).toBe('30');
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'storage_full' });
      expect(
        (await readdir(disk, { recursive: true })).filter((f) => f !== 'filler' && f !== '.tmp'),
      ).toEqual([]);
      expect(await t.database.db.selectFrom('calls').select('id').execute()).toEqual([]);
    },
    60_000,
  );
});
