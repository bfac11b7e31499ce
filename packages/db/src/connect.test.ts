import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';
import { createTestDatabase } from './testing.ts';

describe('the embedded database (PGlite behind the pg driver)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('migrates, keeps data across restarts, and speaks real Postgres SQL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onterms-embedded-'));
    dirs.push(dataDir);

    const first = await openDatabase({ databaseUrl: null, dataDir });
    expect(first.embedded).toBe(true);
    expect(await migrateToLatest(first.db)).toEqual(Object.keys(migrations));
    await first.db.insertInto('teams').values({ name: 'Москва' }).execute();
    await first.close();

    const second = await openDatabase({ databaseUrl: null, dataDir });
    expect(await migrateToLatest(second.db)).toEqual([]);
    const teams = await second.db.selectFrom('teams').select(['name', 'id']).execute();
    expect(teams.map((t) => t.name)).toEqual(['Москва']);
    expect(teams[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    const { rows } = await sql<{
      v: string;
    }>`select to_tsvector('russian', 'отсрочки платежа')::text as v`.execute(second.db);
    expect(rows[0]?.v).toContain('отсрочк');
    await second.close();
  });
});

describe('test databases on the PostgreSQL server', () => {
  it('are migrated clones, isolated from each other', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await a.db.insertInto('teams').values({ name: 'only in a' }).execute();
      expect(await b.db.selectFrom('teams').selectAll().execute()).toEqual([]);
      expect(await a.db.selectFrom('teams').select('name').execute()).toEqual([{ name: 'only in a' }]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
