import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';
import { MigrationError, migrateToLatest } from './migrator.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('migrations', () => {
  let sut: TestDatabase;
  beforeEach(async () => {
    sut = await createTestDatabase();
  });
  afterEach(async () => {
    await sut.drop();
  });

  it('a failing migration throws with its name and reason, and leaves nothing half-applied', async () => {
    const broken = {
      ...migrations,
      '2099-01-01T0001-broken': {
        up: async (db: Kysely<any>) => {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(db);
        },
      },
    };
    const error = await migrateToLatest(sut.db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/2099-01-01T0001-broken failed: .*no_such_table/);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename = 'half_done'`.execute(sut.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('`npm run migrate` exits non-zero with the reason when the database is unreachable', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'packages/db/src/migrate-cli.ts'], {
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
    });
    const error = (await run.catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/ECONNREFUSED|connect/);
  });
});
