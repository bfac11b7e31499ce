import { Migrator, type Kysely, type Migration } from 'kysely';
import { migrations } from './migrations/index.ts';

export class MigrationError extends Error {
  constructor(
    readonly migration: string | null,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(migration ? `Migration ${migration} failed: ${reason}` : `Migrations failed: ${reason}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema to the latest version; throws (never just logs) when any migration fails. */
export async function migrateToLatest(
  db: Kysely<any>,
  list: Record<string, Migration> = migrations,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => list } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationError(failed?.migrationName ?? null, error ?? 'unknown error');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
