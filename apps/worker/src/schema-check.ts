import type { Database } from '@onterms/db';
import { migrations as knownMigrations } from '@onterms/db/migrations';
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Logger } from '@onterms/pipeline';

export class SchemaBehindError extends Error {
  override readonly name = 'SchemaBehindError';
  constructor(readonly pending: string[]) {
    super(
      `The database schema is behind this worker: ${pending.length} migration(s) not applied (${pending.join(', ')}). ` +
        'Migrations are applied by the API at start-up, or by `npm run migrate`; run one of them, then start the worker.',
    );
  }
}

export interface SchemaCheckOptions {
  /** How long to wait for the API (starting at the same time) to migrate. */
  timeoutMs: number;
  pollMs?: number;
  log: Logger;
  /** For tests; defaults to the migrations this build ships. */
  migrations?: Record<string, Migration>;
}

/**
 * The worker never migrates: the API does (one migrator, at one place). A worker deployed together
 * with a new API waits here until the schema has every migration it knows, and fails with a clear
 * message if that does not happen in time. A database AHEAD of the worker (a newer API) is fine.
 */
export async function waitForSchema(db: Kysely<Database>, options: SchemaCheckOptions): Promise<void> {
  const list = options.migrations ?? knownMigrations;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => list } });
  const deadline = Date.now() + options.timeoutMs;
  let warned = false;
  for (;;) {
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
    if (pending.length === 0) return;
    if (Date.now() >= deadline) throw new SchemaBehindError(pending);
    if (!warned) options.log.warn({ pending }, 'database schema is behind; waiting for the API to migrate');
    warned = true;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1_000));
  }
}
